package org.secplane.crypto.internal.software;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Prf;

/** An IKE PRF (HMAC, full output). Thread-safe: each call keys its own HMAC. */
final class JcaPrf implements Prf {

    private final Algorithm algorithm;

    JcaPrf(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] compute(byte[] key, byte[]... data) {
        Hmac hmac = new Hmac(algorithm, key);
        for (byte[] part : data) {
            hmac.update(part, 0, part.length);
        }
        byte[] out = new byte[hmac.length()];
        hmac.finish(out, 0);
        hmac.destroy();
        return out;
    }
}
