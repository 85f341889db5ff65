package org.secplane.driver.openssl.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code OSSL_PARAM} array laid out by hand in one block of native memory (keys, values and the
 * array itself), so building one costs no native call. On LP64 an {@code OSSL_PARAM} is
 * {@code {char *key; unsigned int data_type; void *data; size_t data_size; size_t return_size;}},
 * 40 bytes. Close it (it zeroes its values: they may be key material) after the call that reads it.
 */
final class Params implements AutoCloseable {

    static final int INTEGER = 1;
    static final int UNSIGNED_INTEGER = 2;
    static final int UTF8_STRING = 4;
    static final int OCTET_STRING = 5;
    private static final int ENTRY = 40;
    private static final long UNMODIFIED = -1L;

    private final Memory memory;
    private final long[] valueOffsets;

    private Params(Memory memory, long[] valueOffsets) {
        this.memory = memory;
        this.valueOffsets = valueOffsets;
    }

    static Builder builder() {
        return new Builder();
    }

    long address() {
        return Pointer.nativeValue(memory);
    }

    /** The address of the value of entry {@code index}, for parameters whose value is rewritten per call. */
    long valueAddress(int index) {
        return memory.getLong((long) index * ENTRY + 16);
    }

    /** Overwrites the value of entry {@code index} (one held here, not an {@code octetsAt} reference). */
    void write(int index, byte[] bytes, int from, int length) {
        memory.write(valueOffsets[index], bytes, from, length);
    }

    @Override
    public void close() {
        memory.clear();
        memory.close();
    }

    static final class Builder {
        private final List<String> keys = new ArrayList<>();
        private final List<Integer> types = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();
        private final List<Long> references = new ArrayList<>();

        Builder utf8(String key, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            byte[] terminated = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, terminated, 0, bytes.length);
            // data_size of a UTF8 string excludes the terminating NUL
            return add(key, UTF8_STRING, terminated, bytes.length);
        }

        Builder octets(String key, byte[] value) {
            return add(key, OCTET_STRING, value.clone(), value.length);
        }

        /** An octet string whose bytes live elsewhere (at {@code address}, {@code length} bytes). */
        Builder octetsAt(String key, long address, long length) {
            keys.add(key);
            types.add(OCTET_STRING);
            values.add(null);
            references.add(address);
            references.add(length);
            return this;
        }

        Builder integer(String key, int value) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) (value >>> (8 * i)); // native (little-endian) order
            }
            return add(key, INTEGER, bytes, 4);
        }

        Builder unsigned(String key, int value) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) (value >>> (8 * i));
            }
            return add(key, UNSIGNED_INTEGER, bytes, 4);
        }

        /** A big number given big-endian, stored as OpenSSL's unsigned integers are: native (little-endian). */
        Builder bigNumber(String key, byte[] bigEndian) {
            int length = Math.max(1, bigEndian.length);
            byte[] little = new byte[(length + 7) & ~7];
            for (int i = 0; i < bigEndian.length; i++) {
                little[i] = bigEndian[bigEndian.length - 1 - i];
            }
            return add(key, UNSIGNED_INTEGER, little, little.length);
        }

        private Builder add(String key, int type, byte[] value, int size) {
            keys.add(key);
            types.add(type);
            values.add(value);
            references.add((long) size);
            return this;
        }

        Params build() {
            int count = keys.size();
            long size = (long) (count + 1) * ENTRY;
            for (int i = 0; i < count; i++) {
                size += (keys.get(i).length() + 1 + 7) & ~7L;
                if (values.get(i) != null) {
                    size += (values.get(i).length + 7) & ~7L;
                }
            }
            Memory memory = new Memory(size);
            memory.clear();
            long base = Pointer.nativeValue(memory);
            long free = (long) (count + 1) * ENTRY;
            int reference = 0;
            long[] valueOffsets = new long[count];
            for (int i = 0; i < count; i++) {
                byte[] key = keys.get(i).getBytes(StandardCharsets.US_ASCII);
                long keyAt = free;
                memory.write(keyAt, key, 0, key.length);
                memory.setByte(keyAt + key.length, (byte) 0);
                free = (keyAt + key.length + 1 + 7) & ~7L;
                long dataAddress;
                long dataSize;
                byte[] value = values.get(i);
                if (value == null) {
                    valueOffsets[i] = -1;
                    dataAddress = references.get(reference++);
                    dataSize = references.get(reference++);
                } else {
                    memory.write(free, value, 0, value.length);
                    valueOffsets[i] = free;
                    dataAddress = base + free;
                    dataSize = references.get(reference++);
                    free = (free + value.length + 7) & ~7L;
                }
                long entry = (long) i * ENTRY;
                memory.setLong(entry, base + keyAt);
                memory.setInt(entry + 8, types.get(i));
                memory.setLong(entry + 16, dataAddress);
                memory.setLong(entry + 24, dataSize);
                memory.setLong(entry + 32, UNMODIFIED);
            }
            // the terminating entry is all zero (key NULL)
            for (byte[] value : values) {
                if (value != null) {
                    java.util.Arrays.fill(value, (byte) 0);
                }
            }
            return new Params(memory, valueOffsets);
        }
    }
}
