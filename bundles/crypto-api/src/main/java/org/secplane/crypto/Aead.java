package org.secplane.crypto;

/**
 * A keyed AEAD (AES-GCM, ChaCha20-Poly1305) for one direction of one SA; the nonce is the key's salt
 * followed by the per-packet IV (RFC 4106, 7634). Not thread-safe; allocates nothing per call.
 */
public interface Aead extends AutoCloseable {

    Algorithm algorithm();

    /**
     * Encrypts {@code length} bytes and appends the ICV; returns the bytes written
     * ({@code length + icv}). {@code out} may be {@code in} at the same offset.
     */
    int seal(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset);

    /**
     * Checks the ICV at the end of {@code length} bytes of ciphertext and decrypts; returns the plaintext
     * length, or {@code -1} when the ICV does not match (nothing useful is written then).
     */
    int open(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset);

    @Override
    void close();
}
