package org.secplane.crypto.internal.software;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/**
 * AES-GCM for ESP (RFC 4106) over SunJCE, which has an AVX-512/VAES intrinsic and runs at native
 * speed on this machine (perf-baselines.md Table 1: 1.76 GB/s on JDK 17 at 1400 bytes).
 *
 * <p>The nonce is the 4-byte salt after the key followed by the packet's 8-byte IV. ICVs of 12 and 16
 * bytes are SunJCE's own tag lengths. SunJCE refuses 8-byte tags, so for the 8-byte ICV the full tag
 * is computed and its first 8 bytes are used (GCM defines a shorter tag as the leading bits of the
 * full one), and checking one costs a second pass: the ciphertext is decrypted with AES-CTR from the
 * second counter block, re-encrypted with GCM into a scratch buffer to obtain the tag, and the
 * plaintext is wiped if the tags differ. That path is about twice as slow; 8-byte ICVs are a MAY in
 * RFC 8221.
 */
final class JcaGcm implements Aead {

    private final Algorithm algorithm;
    private final int icv;
    private SecretKeySpec key;
    private final byte[] nonce = new byte[12];
    private final javax.crypto.Cipher sealer;
    private final javax.crypto.Cipher opener;
    // 8-byte ICV only
    private final javax.crypto.Cipher counter;
    private final byte[] counterBlock;
    private final byte[] receivedTag;
    private byte[] scratch;

    JcaGcm(Algorithm algorithm, byte[] keyAndSalt) {
        this.algorithm = algorithm;
        this.icv = algorithm.outputSize();
        int keySize = algorithm.keySize();
        if (keyAndSalt.length != keySize + 4) {
            throw new CryptoException(algorithm.label() + ": key and salt of " + keyAndSalt.length + " bytes, expected "
                    + (keySize + 4));
        }
        this.key = new SecretKeySpec(keyAndSalt, 0, keySize, "AES");
        System.arraycopy(keyAndSalt, keySize, nonce, 0, 4);
        try {
            sealer = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", JcaProvider.SUN_JCE);
            opener = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", JcaProvider.SUN_JCE);
            if (icv == 8) {
                counter = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding", JcaProvider.SUN_JCE);
                counterBlock = new byte[16];
                receivedTag = new byte[8];
                scratch = new byte[2048];
            } else {
                counter = null;
                counterBlock = null;
                receivedTag = null;
                scratch = null;
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset) {
        checkOpen();
        System.arraycopy(iv, ivOffset, nonce, 4, 8);
        try {
            sealer.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(icv == 8 ? 128 : icv * 8, nonce));
            if (aadLength > 0) {
                sealer.updateAAD(aad, aadOffset, aadLength);
            }
            if (icv != 8) {
                return sealer.doFinal(in, inOffset, length, out, outOffset);
            }
            int done = sealer.update(in, inOffset, length, out, outOffset);
            ensureScratch(length - done + 16);
            int rest = sealer.doFinal(scratch, 0) - 16;
            System.arraycopy(scratch, 0, out, outOffset + done, rest);
            System.arraycopy(scratch, rest, out, outOffset + length, 8);
            return length + 8;
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int open(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset) {
        checkOpen();
        int plainLength = length - icv;
        if (plainLength < 0) {
            return -1;
        }
        System.arraycopy(iv, ivOffset, nonce, 4, 8);
        try {
            if (icv != 8) {
                opener.init(javax.crypto.Cipher.DECRYPT_MODE, key, new GCMParameterSpec(icv * 8, nonce));
                if (aadLength > 0) {
                    opener.updateAAD(aad, aadOffset, aadLength);
                }
                try {
                    return opener.doFinal(in, inOffset, length, out, outOffset);
                } catch (AEADBadTagException e) {
                    return -1;
                }
            }
            return openShortTag(aad, aadOffset, aadLength, in, inOffset, plainLength, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    private int openShortTag(byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int plainLength, byte[] out,
            int outOffset) throws GeneralSecurityException {
        System.arraycopy(in, inOffset + plainLength, receivedTag, 0, 8);
        System.arraycopy(nonce, 0, counterBlock, 0, 12);
        counterBlock[15] = 2;
        counter.init(javax.crypto.Cipher.DECRYPT_MODE, key, new IvParameterSpec(counterBlock));
        counter.doFinal(in, inOffset, plainLength, out, outOffset);
        initTagComputation();
        if (aadLength > 0) {
            opener.updateAAD(aad, aadOffset, aadLength);
        }
        ensureScratch(plainLength + 16);
        opener.doFinal(out, outOffset, plainLength, scratch, 0);
        if (!Bytes.constantTimeEquals(scratch, plainLength, receivedTag, 0, 8)) {
            Arrays.fill(out, outOffset, outOffset + plainLength, (byte) 0);
            return -1;
        }
        return plainLength;
    }

    /**
     * SunJCE refuses to encrypt twice in a row with the same key and IV; a replayed packet would do
     * that here, so on refusal the object is first moved to another IV.
     */
    private void initTagComputation() throws GeneralSecurityException {
        try {
            opener.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        } catch (InvalidAlgorithmParameterException reused) {
            byte[] other = nonce.clone();
            other[11] ^= 1;
            opener.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, other));
            opener.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        }
    }

    private void ensureScratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, 2 * scratch.length)];
        }
    }

    private void checkOpen() {
        if (key == null) {
            throw new IllegalStateException(algorithm.label() + " is closed");
        }
    }

    @Override
    public void close() {
        key = null;
        Arrays.fill(nonce, (byte) 0);
        if (scratch != null) {
            Arrays.fill(scratch, (byte) 0);
        }
    }
}
