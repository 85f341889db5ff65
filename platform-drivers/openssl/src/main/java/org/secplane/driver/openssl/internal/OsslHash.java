package org.secplane.driver.openssl.internal;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Hash;

/** A message digest through the one-shot {@code EVP_Digest}; thread-safe, as it keeps no state. */
final class OsslHash implements Hash {

    private final Algorithm algorithm;
    private final long md;

    OsslHash(Algorithm algorithm, long md) {
        this.algorithm = algorithm;
        this.md = md;
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] digest(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        int size = algorithm.outputSize();
        try (NativeScratch scratch = new NativeScratch(size + (long) total)) {
            long position = size;
            for (byte[] part : parts) {
                scratch.put(position, part);
                position += part.length;
            }
            Errors.check(LibCrypto.EVP_Digest(scratch.at(size), total, scratch.at(0), 0, md, 0),
                    "EVP_Digest (" + algorithm.label() + ")");
            return scratch.get(0, size);
        }
    }
}
