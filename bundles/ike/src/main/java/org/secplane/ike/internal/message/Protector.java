package org.secplane.ike.internal.message;

/**
 * The cryptographic protection of one direction of an IKE SA as the codec uses it for the SK and SKF
 * payloads (RFC 7296 §3.14, RFC 5282 for AEAD, RFC 7383 for fragments). The layout is
 * {@code [from, aadEnd)} authenticated header bytes (IKE header and the SK/SKF payload header), the IV,
 * the plaintext with its padding and pad-length byte, then the ICV.
 */
public interface Protector {

    int ivSize();

    int icvSize();

    /** Plaintext plus pad-length byte must be a multiple of this (1 for AEAD and counter modes). */
    int blockSize();

    /**
     * Writes a fresh IV at {@code aadEnd}, encrypts the {@code plainLength} bytes after it in place and writes
     * the ICV after them.
     */
    void seal(byte[] buf, int from, int aadEnd, int plainLength);

    /**
     * Checks the ICV over {@code [from, end)} and decrypts in place; returns the length of the padded plaintext
     * (which starts at {@code aadEnd + ivSize()}), or -1 when the ICV does not match or the lengths cannot be
     * right.
     */
    int open(byte[] buf, int from, int aadEnd, int end);
}
