package org.secplane.driver.openssl.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A block of native memory for one IKE-path operation (key exchange, signature, digest): allocated
 * per call, zero-filled, and zeroed and freed by {@link #close}. The packet path uses {@link PacketBuffer} instead.
 */
final class NativeScratch implements AutoCloseable {

    private final Memory memory;
    private final long base;

    NativeScratch(long size) {
        memory = new Memory(Math.max(16, size));
        memory.clear(); // out-pointers libcrypto reads first (EVP_PKEY **) must start NULL
        base = Pointer.nativeValue(memory);
    }

    long at(long offset) {
        return base + offset;
    }

    void put(long offset, byte[] bytes) {
        memory.write(offset, bytes, 0, bytes.length);
    }

    void put(long offset, byte[] bytes, int from, int length) {
        memory.write(offset, bytes, from, length);
    }

    byte[] get(long offset, int length) {
        byte[] bytes = new byte[length];
        memory.read(offset, bytes, 0, length);
        return bytes;
    }

    long getLong(long offset) {
        return memory.getLong(offset);
    }

    void setLong(long offset, long value) {
        memory.setLong(offset, value);
    }

    @Override
    public void close() {
        memory.clear();
        memory.close();
    }
}
