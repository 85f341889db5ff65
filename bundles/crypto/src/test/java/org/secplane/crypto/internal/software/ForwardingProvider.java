package org.secplane.crypto.internal.software;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.Hash;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/** A provider passing everything to another; tests override what they break. */
class ForwardingProvider implements CryptoProvider {

    final CryptoProvider target;

    ForwardingProvider(CryptoProvider target) {
        this.target = target;
    }

    @Override
    public String name() {
        return "forwarding";
    }

    @Override
    public String driver() {
        return "test";
    }

    @Override
    public Set<Algorithm> algorithms() {
        return target.algorithms();
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        return target.cipher(algorithm, key);
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        return target.aead(algorithm, keyAndSalt);
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        return target.mac(algorithm, key);
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        return target.prf(algorithm);
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        return target.hash(algorithm);
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm) {
        return target.keyExchange(algorithm);
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm, byte[] privateValue) {
        return target.keyExchange(algorithm, privateValue);
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        return target.signer(algorithm, key);
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return target.verify(algorithm, key, data, signature);
    }

    @Override
    public void random(byte[] bytes) {
        target.random(bytes);
    }
}
