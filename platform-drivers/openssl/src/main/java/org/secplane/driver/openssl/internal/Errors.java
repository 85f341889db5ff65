package org.secplane.driver.openssl.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.secplane.crypto.CryptoException;

/** Turns libcrypto's thread-local error queue into {@link CryptoException}s. */
final class Errors {

    private Errors() {
    }

    /**
     * Empties this thread's error queue and returns its text, oldest error first, e.g.
     * {@code error:1C800066:Provider routines::cipher operation failed}; {@code no error queued} if empty.
     */
    static String drain() {
        StringBuilder text = new StringBuilder();
        try (Memory buffer = new Memory(256)) {
            long code;
            int count = 0;
            while ((code = LibCrypto.ERR_get_error()) != 0) {
                if (count++ < 4) {
                    LibCrypto.ERR_error_string_n(code, Pointer.nativeValue(buffer), 256);
                    if (text.length() > 0) {
                        text.append("; ");
                    }
                    text.append(buffer.getString(0));
                }
            }
        }
        return text.length() == 0 ? "no error queued" : text.toString();
    }

    /** Forgets queued errors after an expected failure (a bad ICV, a rejected peer value). */
    static void clear() {
        LibCrypto.ERR_clear_error();
    }

    static CryptoException failure(String operation) {
        return new CryptoException("libcrypto " + operation + " failed: " + drain());
    }

    static CryptoException failure(String operation, String reason) {
        String queued = drain();
        return new CryptoException(operation + ": " + reason
                + ("no error queued".equals(queued) ? "" : " (libcrypto: " + queued + ")"));
    }

    /** Checks the usual 1-on-success return value. */
    static void check(int result, String operation) {
        if (result != 1) {
            throw failure(operation);
        }
    }

    /** Checks a returned pointer. */
    static long check(long pointer, String operation) {
        if (pointer == 0) {
            throw failure(operation);
        }
        return pointer;
    }
}
