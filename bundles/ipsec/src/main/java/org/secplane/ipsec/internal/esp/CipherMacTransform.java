package org.secplane.ipsec.internal.esp;

import org.secplane.crypto.Cipher;
import org.secplane.crypto.Mac;
import org.secplane.ipsec.internal.packet.Bytes;

/**
 * ESP with a cipher and a separate integrity algorithm, encrypt-then-MAC (RFC 4303 §3.3.4): AES-CBC
 * (RFC 3602), 3DES/DES-CBC (RFC 2451, 2405), AES-CTR (RFC 3686) with HMAC-MD5/SHA-1/SHA-2 (RFC 2403, 2404,
 * 4868). Either may be absent: no cipher is ENCR_NULL (RFC 2410, authentication only), no MAC is
 * confidentiality only (RFC 4303 allows it; without integrity there is no anti-replay). CBC IVs come from
 * {@link IvSource}, CTR IVs from the packet counter (they must only be unique).
 */
public final class CipherMacTransform extends EspTransform {

    private final Cipher cipher;
    private final Mac mac;
    private final int iv;
    private final int block;
    private final int icv;
    private final boolean counterIv;

    /** {@code cipher} or {@code mac} may be {@code null}, not both. */
    public CipherMacTransform(Cipher cipher, Mac mac) {
        if (cipher == null && mac == null) {
            throw new IllegalArgumentException("ESP needs a cipher, an integrity algorithm or both");
        }
        this.cipher = cipher;
        this.mac = mac;
        this.iv = cipher == null ? 0 : cipher.algorithm().ivSize();
        this.block = cipher == null ? 1 : cipher.algorithm().blockSize();
        this.icv = mac == null ? 0 : mac.algorithm().outputSize();
        this.counterIv = cipher != null && block == 1;
    }

    @Override
    public int ivSize() {
        return iv;
    }

    @Override
    public int icvSize() {
        return icv;
    }

    @Override
    public int alignment() {
        return Math.max(4, block);
    }

    @Override
    public boolean authenticates() {
        return mac != null;
    }

    @Override
    public int seal(byte[] in, int inOffset, int length, byte[] out, int espOffset, long counter, IvSource random) {
        int ivAt = espOffset + 8;
        int data = ivAt + iv;
        if (cipher == null) {
            System.arraycopy(in, inOffset, out, data, length);
        } else {
            if (counterIv) {
                Bytes.put64(out, ivAt, counter);
            } else {
                random.next(out, ivAt, iv);
            }
            cipher.encrypt(out, ivAt, in, inOffset, length, out, data);
        }
        if (mac != null) {
            mac.update(out, espOffset, 8 + iv + length);
            mac.finish(out, data + length);
        }
        return 8 + iv + length + icv;
    }

    @Override
    public int open(byte[] in, int espOffset, int length, byte[] out, int outOffset) {
        int data = length - 8 - iv - icv;
        if (data < Math.max(block, 2)) {
            return TRUNCATED;
        }
        if (mac != null) {
            mac.update(in, espOffset, length - icv);
            if (!mac.verify(in, espOffset + length - icv)) {
                return ICV_MISMATCH;
            }
        }
        if (data % block != 0) {
            return NOT_BLOCK_ALIGNED;
        }
        if (cipher == null) {
            System.arraycopy(in, espOffset + 8, out, outOffset, data);
        } else {
            cipher.decrypt(in, espOffset + 8, in, espOffset + 8 + iv, data, out, outOffset);
        }
        return data;
    }

    @Override
    public void close() {
        if (cipher != null) {
            cipher.close();
        }
        if (mac != null) {
            mac.close();
        }
    }
}
