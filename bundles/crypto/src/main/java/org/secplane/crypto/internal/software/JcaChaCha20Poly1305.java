package org.secplane.crypto.internal.software;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/**
 * ChaCha20-Poly1305 for ESP (RFC 7634) over SunJCE: nonce = 4-byte salt after the key || 8-byte IV.
 * JDK 17 has no ChaCha20/Poly1305 intrinsic (0.22 GB/s, perf-baselines.md); a native provider may
 * well rank above it.
 */
final class JcaChaCha20Poly1305 implements Aead {

    private final Algorithm algorithm;
    private SecretKeySpec key;
    private final byte[] nonce = new byte[12];
    private final javax.crypto.Cipher sealer;
    private final javax.crypto.Cipher opener;

    JcaChaCha20Poly1305(Algorithm algorithm, byte[] keyAndSalt) {
        this.algorithm = algorithm;
        if (keyAndSalt.length != 36) {
            throw new CryptoException(algorithm.label() + ": key and salt of " + keyAndSalt.length + " bytes, expected 36");
        }
        key = new SecretKeySpec(keyAndSalt, 0, 32, "ChaCha20");
        System.arraycopy(keyAndSalt, 32, nonce, 0, 4);
        try {
            sealer = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305", JcaProvider.SUN_JCE);
            opener = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305", JcaProvider.SUN_JCE);
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
            sealer.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
            if (aadLength > 0) {
                sealer.updateAAD(aad, aadOffset, aadLength);
            }
            return sealer.doFinal(in, inOffset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int open(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset) {
        checkOpen();
        if (length < 16) {
            return -1;
        }
        System.arraycopy(iv, ivOffset, nonce, 4, 8);
        try {
            initOpener();
            if (aadLength > 0) {
                opener.updateAAD(aad, aadOffset, aadLength);
            }
            try {
                return opener.doFinal(in, inOffset, length, out, outOffset);
            } catch (AEADBadTagException e) {
                return -1;
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    /**
     * SunJCE refuses to initialise twice in a row with the same key and nonce, even to decrypt; a
     * replayed or retransmitted packet would do that, so on refusal the object is first moved to
     * another nonce.
     */
    private void initOpener() throws GeneralSecurityException {
        try {
            opener.init(javax.crypto.Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
        } catch (InvalidKeyException reused) {
            byte[] other = nonce.clone();
            other[11] ^= 1;
            opener.init(javax.crypto.Cipher.DECRYPT_MODE, key, new IvParameterSpec(other));
            opener.init(javax.crypto.Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
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
    }
}
