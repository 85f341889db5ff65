package org.secplane.driver.openssl.internal;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Prf;

/**
 * An IKE PRF (HMAC), keyed per call: each call duplicates the digest-bound template context, keys it,
 * and frees it, so calls from many threads share nothing mutable.
 */
final class OsslPrf implements Prf {

    private final Algorithm algorithm;
    private final long template;

    OsslPrf(Algorithm algorithm, long template) {
        this.algorithm = algorithm;
        this.template = template;
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] compute(byte[] key, byte[]... data) {
        if (key == null) {
            throw new CryptoException(algorithm.label() + " needs a key");
        }
        int total = 0;
        for (byte[] part : data) {
            total += part.length;
        }
        int size = algorithm.outputSize();
        try (NativeScratch scratch = new NativeScratch(16L + size + key.length + total)) {
            long out = 16;
            long keyAt = out + size;
            long dataAt = keyAt + key.length;
            scratch.put(keyAt, key);
            long position = dataAt;
            for (byte[] part : data) {
                scratch.put(position, part);
                position += part.length;
            }
            long ctx = Errors.check(LibCrypto.EVP_MAC_CTX_dup(template), "EVP_MAC_CTX_dup");
            try {
                if (LibCrypto.EVP_MAC_init(ctx, scratch.at(keyAt), key.length, 0) != 1
                        || LibCrypto.EVP_MAC_update(ctx, scratch.at(dataAt), total) != 1
                        || LibCrypto.EVP_MAC_final(ctx, scratch.at(out), scratch.at(0), size) != 1) {
                    throw Errors.failure(algorithm.label());
                }
            } finally {
                LibCrypto.EVP_MAC_CTX_free(ctx);
            }
            return scratch.get(out, size);
        }
    }
}
