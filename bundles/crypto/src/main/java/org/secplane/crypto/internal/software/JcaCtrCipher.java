package org.secplane.crypto.internal.software;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;

/**
 * AES-CTR as ESP uses it (RFC 3686): the counter block is the 4-byte nonce that follows the key, the
 * packet's 8-byte IV and a 32-bit block counter starting at 1. Encryption and decryption are the same
 * operation; one SunJCE object serves both.
 */
final class JcaCtrCipher implements Cipher {

    private final Algorithm algorithm;
    private SecretKeySpec key;
    private final byte[] counterBlock = new byte[16];
    private final javax.crypto.Cipher cipher;

    JcaCtrCipher(Algorithm algorithm, byte[] keyAndNonce) {
        this.algorithm = algorithm;
        int keySize = algorithm.keySize();
        if (keyAndNonce.length != keySize + 4) {
            throw new CryptoException(algorithm.label() + ": key and nonce of " + keyAndNonce.length + " bytes, expected "
                    + (keySize + 4));
        }
        this.key = new SecretKeySpec(keyAndNonce, 0, keySize, "AES");
        System.arraycopy(keyAndNonce, keySize, counterBlock, 0, 4);
        counterBlock[15] = 1;
        try {
            this.cipher = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding", JcaProvider.SUN_JCE);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public void encrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (key == null) {
            throw new IllegalStateException(algorithm.label() + " cipher is closed");
        }
        System.arraycopy(iv, ivOffset, counterBlock, 4, 8);
        try {
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock));
            cipher.doFinal(in, inOffset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void decrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        encrypt(iv, ivOffset, in, inOffset, length, out, outOffset);
    }

    @Override
    public void close() {
        key = null;
        Arrays.fill(counterBlock, (byte) 0);
    }
}
