package org.secplane.crypto.spi;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.Hash;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;

/**
 * One implementation of algorithms. Methods are called only for algorithms in {@link #algorithms()};
 * objects they return are used by one thread at a time and must not allocate per operation on the
 * packet path ({@link Cipher}, {@link Aead}, {@link Mac}).
 */
@ConsumerType
public interface CryptoProvider {

    /** A short name: {@code software}, {@code openssl}. */
    String name();

    /** What implements it (library and version), for {@code show security crypto providers}. */
    String driver();

    /** The algorithms it claims; the registry offers those that pass their known-answer tests. */
    Set<Algorithm> algorithms();

    Cipher cipher(Algorithm algorithm, byte[] key);

    Aead aead(Algorithm algorithm, byte[] keyAndSalt);

    Mac mac(Algorithm algorithm, byte[] key);

    Prf prf(Algorithm algorithm);

    Hash hash(Algorithm algorithm);

    ProviderKeyExchange keyExchange(Algorithm algorithm);

    /** A key exchange continuing with a private value exported by another provider (see below). */
    ProviderKeyExchange keyExchange(Algorithm algorithm, byte[] privateValue);

    Signer signer(Algorithm algorithm, PrivateKey key);

    boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature);

    /** Fills {@code bytes} with random bytes from a cryptographically strong source. */
    void random(byte[] bytes);
}
