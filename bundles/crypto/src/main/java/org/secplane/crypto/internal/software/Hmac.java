package org.secplane.crypto.internal.software;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/**
 * HMAC (RFC 2104) over two JDK {@link MessageDigest} objects. {@code javax.crypto.Mac} allocates its
 * result array on every {@code doFinal} (and SunJCE's HmacCore another for the inner hash); this one
 * writes into preallocated buffers, so a packet's MAC allocates nothing. The inner and outer pads are
 * absorbed per message as HmacCore does, so the cost is the same: the SHA-1/SHA-256 intrinsics do the
 * work (perf-baselines.md: 1.3-1.4 GB/s, native speed).
 */
final class Hmac {

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] innerDigest;
    private final int length;
    private boolean started;

    Hmac(Algorithm algorithm, byte[] key) {
        String digest;
        int block;
        switch (algorithm) {
            case HMAC_MD5_96:
            case PRF_HMAC_MD5:
                digest = "MD5";
                block = 64;
                break;
            case HMAC_SHA1_96:
            case PRF_HMAC_SHA1:
                digest = "SHA-1";
                block = 64;
                break;
            case HMAC_SHA2_256_128:
            case PRF_HMAC_SHA2_256:
                digest = "SHA-256";
                block = 64;
                break;
            case HMAC_SHA2_384_192:
            case PRF_HMAC_SHA2_384:
                digest = "SHA-384";
                block = 128;
                break;
            case HMAC_SHA2_512_256:
            case PRF_HMAC_SHA2_512:
                digest = "SHA-512";
                block = 128;
                break;
            default:
                throw new IllegalArgumentException(algorithm.label() + " is not an HMAC");
        }
        try {
            inner = MessageDigest.getInstance(digest, JcaProvider.SUN);
            outer = MessageDigest.getInstance(digest, JcaProvider.SUN);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
        length = inner.getDigestLength();
        innerDigest = new byte[length];
        byte[] k = key.length > block ? inner.digest(key) : key;
        innerPad = new byte[block];
        outerPad = new byte[block];
        for (int i = 0; i < block; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        if (k != key) {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** Full output length. */
    int length() {
        return length;
    }

    void update(byte[] in, int offset, int length) {
        start();
        inner.update(in, offset, length);
    }

    /** Writes the full HMAC and resets. */
    void finish(byte[] out, int offset) {
        start();
        try {
            inner.digest(innerDigest, 0, length);
            outer.update(outerPad);
            outer.update(innerDigest);
            outer.digest(out, offset, length);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC: " + e.getMessage(), e);
        } finally {
            started = false;
        }
    }

    private void start() {
        if (!started) {
            inner.update(innerPad);
            started = true;
        }
    }

    void destroy() {
        Arrays.fill(innerPad, (byte) 0);
        Arrays.fill(outerPad, (byte) 0);
        Arrays.fill(innerDigest, (byte) 0);
        inner.reset();
        outer.reset();
        started = false;
    }
}
