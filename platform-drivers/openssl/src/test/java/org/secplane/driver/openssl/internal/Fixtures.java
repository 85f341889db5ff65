package org.secplane.driver.openssl.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** Shared test fixtures: the provider on this machine's libcrypto, hex, randomness. */
final class Fixtures {

    static final SecureRandom RANDOM = new SecureRandom();
    private static OpenSslProvider provider;

    private Fixtures() {
    }

    static synchronized OpenSslProvider provider() {
        if (provider == null) {
            try {
                provider = new OpenSslProvider(OpenSslLibrary.probe(List.of("crypto", "libcrypto.so.3")));
            } catch (OpenSslLibrary.UnavailableException e) {
                throw new AssertionError("libcrypto 3 is expected on this machine: " + e.getMessage(), e);
            }
        }
        return provider;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
