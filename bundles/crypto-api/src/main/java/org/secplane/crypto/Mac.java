package org.secplane.crypto;

/** A keyed, truncated MAC (ESP/AH and IKE integrity). Not thread-safe; allocates nothing per call. */
public interface Mac extends AutoCloseable {

    Algorithm algorithm();

    void update(byte[] in, int offset, int length);

    /** Writes the truncated MAC ({@code algorithm().outputSize()} bytes) and resets for the next message. */
    void finish(byte[] out, int offset);

    /** Compares the MAC of what was updated with {@code expected} in constant time, and resets. */
    boolean verify(byte[] expected, int offset);

    @Override
    void close();
}
