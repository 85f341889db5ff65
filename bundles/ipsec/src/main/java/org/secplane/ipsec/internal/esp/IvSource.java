package org.secplane.ipsec.internal.esp;

/** Unpredictable IVs for CBC (RFC 3602 §2.3, RFC 4303 §3.3.2). One per thread; nothing allocates. */
public interface IvSource {

    /** Writes {@code length} (at most 16) fresh unpredictable bytes at {@code offset}. */
    void next(byte[] out, int offset, int length);
}
