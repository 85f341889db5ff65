package org.secplane.driver.openssl.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * The native memory of one packet-path object, reused for every packet: a fixed header (output
 * lengths, the nonce or counter block, a MAC) that never moves, and a body holding the AAD and the
 * packet, which grows (the only allocation) when a larger packet than any before arrives. Libcrypto
 * works in place in the body, so a packet costs one copy in and one copy out.
 */
final class PacketBuffer {

    /** 8 bytes for the {@code int}/{@code size_t} output lengths libcrypto writes. */
    static final int OUT_LENGTH = 0;
    /** 16 bytes: the nonce (salt || IV) or the CTR counter block. */
    static final int NONCE = 16;
    /** 64 bytes: a full MAC or tag before truncation. */
    static final int DIGEST = 64;
    static final int HEADER_SIZE = 128;

    private final Memory header;
    private final long headerBase;
    private Memory body;
    private long bodyBase;
    private int aadCapacity;
    private int dataCapacity;

    PacketBuffer(int aadCapacity, int dataCapacity) {
        header = new Memory(HEADER_SIZE);
        header.clear();
        headerBase = Pointer.nativeValue(header);
        allocate(aadCapacity, dataCapacity);
    }

    private void allocate(int aad, int data) {
        aadCapacity = (aad + 15) & ~15;
        dataCapacity = (data + 15) & ~15;
        body = new Memory((long) aadCapacity + dataCapacity);
        bodyBase = Pointer.nativeValue(body);
    }

    /** Makes room for {@code aad} and {@code data} bytes; the previous body content is dropped. */
    void ensure(int aad, int data) {
        if (aad > aadCapacity || data > dataCapacity) {
            Memory old = body;
            allocate(Math.max(aad, aadCapacity), Math.max(data, Math.max(dataCapacity * 2, 2048)));
            old.clear();
            old.close();
        }
    }

    long header(int offset) {
        return headerBase + offset;
    }

    Memory headerMemory() {
        return header;
    }

    long aad() {
        return bodyBase;
    }

    long data() {
        return bodyBase + aadCapacity;
    }

    void writeHeader(int offset, byte[] bytes, int from, int length) {
        header.write(offset, bytes, from, length);
    }

    void readHeader(int offset, byte[] bytes, int to, int length) {
        header.read(offset, bytes, to, length);
    }

    void writeAad(byte[] bytes, int from, int length) {
        body.write(0, bytes, from, length);
    }

    void writeData(int offset, byte[] bytes, int from, int length) {
        body.write((long) aadCapacity + offset, bytes, from, length);
    }

    void readData(int offset, byte[] bytes, int to, int length) {
        body.read((long) aadCapacity + offset, bytes, to, length);
    }

    /** Zeroes and frees everything. */
    void close() {
        header.clear();
        header.close();
        body.clear();
        body.close();
    }
}
