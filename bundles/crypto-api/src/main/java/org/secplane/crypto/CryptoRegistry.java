package org.secplane.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place consumers get cryptography. Each call picks, per algorithm, the fastest live provider
 * whose known-answer tests passed. Keyed objects ({@link Cipher}, {@link Aead}, {@link Mac}) keep
 * working when their provider goes away: at their next use they continue on the next provider, with
 * no error seen by their user. Key bytes passed in are copied; the caller may zero its array.
 */
@ProviderType
public interface CryptoRegistry {

    boolean supports(Algorithm algorithm);

    /** {@code key}: the key followed by the salt for CTR ({@code algorithm.saltSize()}). */
    Cipher cipher(Algorithm algorithm, byte[] key);

    /** {@code keyAndSalt}: the key followed by the 4-byte salt. */
    Aead aead(Algorithm algorithm, byte[] keyAndSalt);

    Mac mac(Algorithm algorithm, byte[] key);

    Prf prf(Algorithm algorithm);

    Hash hash(Algorithm algorithm);

    KeyExchange keyExchange(Algorithm algorithm);

    /** A signer over a software key; keys kept in an HSM sign through the key store instead. */
    Signer signer(Algorithm algorithm, PrivateKey key);

    boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature);

    SecureRandom random();

    /** The providers, what each offers, its test results and speed, and which one serves each algorithm. */
    List<ProviderStatus> providers();
}
