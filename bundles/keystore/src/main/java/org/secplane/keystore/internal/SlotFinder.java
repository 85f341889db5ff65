package org.secplane.keystore.internal;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/**
 * Finds the slot of a token by its label, which SunPKCS11 cannot do (its configuration takes only a slot
 * id or list index, and SoftHSM2 gives each new token a random slot id). Calls the PKCS#11 module through
 * JNA: {@code C_Initialize}, {@code C_GetSlotList}, {@code C_GetTokenInfo}, and {@code C_Finalize} only when
 * this call initialised the module (when SunPKCS11 already uses it, it stays initialised).
 */
final class SlotFinder {

    private static final long CKR_OK = 0;
    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    /** CK_TOKEN_INFO starts with the 32-byte blank-padded label; the whole structure is under 256 bytes. */
    private static final int TOKEN_INFO_SIZE = 512;

    /** The part of PKCS#11 used here. */
    public interface Cryptoki extends Library {
        NativeLong C_Initialize(Pointer initArgs);

        NativeLong C_Finalize(Pointer reserved);

        NativeLong C_GetSlotList(byte tokenPresent, NativeLong[] slotList, NativeLongByReference count);

        NativeLong C_GetTokenInfo(NativeLong slotId, Pointer info);
    }

    private SlotFinder() {
    }

    /** Labels of the tokens present, by slot id, in slot-list order. */
    static synchronized Map<Long, String> tokens(String library) throws PkiStoreException {
        Cryptoki cryptoki;
        try {
            cryptoki = Native.load(library, Cryptoki.class);
        } catch (UnsatisfiedLinkError e) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "cannot load PKCS#11 library " + library + ": " + e.getMessage(), e);
        }
        long rv = cryptoki.C_Initialize(null).longValue();
        boolean initialised = rv == CKR_OK;
        if (!initialised && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "PKCS#11 library " + library + ": C_Initialize failed (0x"
                    + Long.toHexString(rv) + ")");
        }
        try {
            NativeLongByReference count = new NativeLongByReference();
            check(cryptoki.C_GetSlotList((byte) 1, null, count), "C_GetSlotList", library);
            NativeLong[] slots = new NativeLong[count.getValue().intValue()];
            if (slots.length > 0) {
                check(cryptoki.C_GetSlotList((byte) 1, slots, count), "C_GetSlotList", library);
            }
            Map<Long, String> tokens = new LinkedHashMap<>();
            for (int i = 0; i < count.getValue().intValue(); i++) {
                Memory info = new Memory(TOKEN_INFO_SIZE);
                info.clear();
                if (cryptoki.C_GetTokenInfo(slots[i], info).longValue() == CKR_OK) {
                    tokens.put(slots[i].longValue(), new String(info.getByteArray(0, 32), StandardCharsets.UTF_8).trim());
                }
            }
            return tokens;
        } finally {
            if (initialised) {
                cryptoki.C_Finalize(null);
            }
        }
    }

    /** The slot id of the token labelled {@code label}. */
    static long slotOf(String library, String label) throws PkiStoreException {
        Map<Long, String> tokens = tokens(library);
        for (Map.Entry<Long, String> token : tokens.entrySet()) {
            if (token.getValue().equals(label)) {
                return token.getKey();
            }
        }
        throw new PkiStoreException(Reason.UNAVAILABLE, "no token labelled \"" + label + "\" in " + library
                + (tokens.isEmpty() ? " (no token present)" : " (tokens present: \"" + String.join("\", \"", tokens.values()) + "\")"));
    }

    private static void check(NativeLong rv, String function, String library) throws PkiStoreException {
        if (rv.longValue() != CKR_OK) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "PKCS#11 library " + library + ": " + function + " failed (0x"
                    + Long.toHexString(rv.longValue()) + ")");
        }
    }
}
