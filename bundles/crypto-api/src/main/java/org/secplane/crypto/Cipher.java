package org.secplane.crypto;

/**
 * A keyed cipher without integrity (CBC, CTR) for one direction of one SA. Not thread-safe; one user
 * at a time. Allocates nothing per call.
 */
public interface Cipher extends AutoCloseable {

    Algorithm algorithm();

    /**
     * Encrypts {@code length} bytes (a multiple of the block size for CBC) with the IV at {@code iv};
     * {@code out} may be {@code in} at the same offset.
     */
    void encrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    void decrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset);

    /** Forgets the key. */
    @Override
    void close();
}
