package org.secplane.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.secplane.crypto.internal.software.BouncyCastleProvider;
import org.secplane.crypto.internal.software.JcaProvider;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.driver.openssl.internal.OpenSslLibrary;
import org.secplane.driver.openssl.internal.OpenSslProvider;

/** The providers to compare, made outside OSGi: jca, bouncycastle, and openssl when libcrypto loads. */
final class Providers {

    private Providers() {
    }

    static CryptoProvider byName(String name) {
        switch (name) {
            case "jca":
                return new JcaProvider();
            case "bouncycastle":
                return new BouncyCastleProvider();
            case "openssl":
                try {
                    return new OpenSslProvider(OpenSslLibrary.probe(List.of("crypto", "libcrypto.so.3")));
                } catch (OpenSslLibrary.UnavailableException e) {
                    throw new IllegalStateException("openssl provider unavailable: " + e.getMessage(), e);
                }
            default:
                throw new IllegalArgumentException("unknown provider " + name);
        }
    }

    static List<String> available() {
        List<String> names = new ArrayList<>(List.of("jca", "bouncycastle"));
        try {
            byName("openssl");
            names.add("openssl");
        } catch (IllegalStateException absent) {
            System.out.println("# " + absent.getMessage());
        }
        return names;
    }
}
