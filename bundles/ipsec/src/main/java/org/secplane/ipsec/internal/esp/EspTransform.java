package org.secplane.ipsec.internal.esp;

/**
 * The cryptography of one ESP SA direction (RFC 4303 §3.3.2, §3.4.2): how the packet's IV, ciphertext and
 * ICV are made and checked. The caller frames the packet (SPI, sequence number, padding, trailer); the
 * transform never allocates and works between two different arrays (SunJCE copies its input when input and
 * output share an array, so in-place work would allocate a packet-sized buffer per call). One thread at a
 * time.
 */
public abstract class EspTransform implements AutoCloseable {

    /** {@link #open}: the ICV did not match (or the AEAD tag). */
    public static final int ICV_MISMATCH = -1;
    /** {@link #open}: the ciphertext is not a whole number of cipher blocks. */
    public static final int NOT_BLOCK_ALIGNED = -2;
    /** {@link #open}: shorter than the IV, one block and the ICV. */
    public static final int TRUNCATED = -3;

    /** Bytes of IV carried in each packet. */
    public abstract int ivSize();

    /** Bytes of ICV after the ciphertext. */
    public abstract int icvSize();

    /** What payload plus trailer must be a multiple of: the cipher's block size, at least 4 (RFC 4303 §2.4). */
    public abstract int alignment();

    /** Whether packets are authenticated: anti-replay only makes sense then (RFC 4303 §3.4.3). */
    public abstract boolean authenticates();

    /**
     * Protects {@code length} bytes of plaintext (payload, padding, pad length, next header) at
     * {@code in[inOffset]}: writes the IV after the 8-byte ESP header already at {@code out[espOffset]},
     * then the ciphertext and the ICV. {@code counter} is unique per packet of this SA (the IV of counter
     * modes and AEADs, RFC 4106 §3.1); {@code random} gives CBC's unpredictable IVs. Returns the length of
     * the whole ESP packet from the SPI.
     */
    public abstract int seal(byte[] in, int inOffset, int length, byte[] out, int espOffset, long counter, IvSource random);

    /**
     * Checks and decrypts the ESP packet {@code in[espOffset, espOffset + length)} (from the SPI) into
     * {@code out[outOffset]}; returns the plaintext length (payload and trailer) or a negative reason:
     * {@link #ICV_MISMATCH}, {@link #NOT_BLOCK_ALIGNED}, {@link #TRUNCATED}.
     */
    public abstract int open(byte[] in, int espOffset, int length, byte[] out, int outOffset);

    /** Forgets the keys. */
    @Override
    public abstract void close();
}
