package org.secplane.crypto.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.core.Json;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Hash;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.ProviderStatus.CapabilityStatus;
import org.secplane.crypto.Signer;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.crypto.internal.software.BouncyCastleProvider;
import org.secplane.crypto.internal.software.JcaProvider;

/** {@code show security crypto providers}: its text and JSON, and what the software providers give on this machine. */
class ShowSecurityCryptoProvidersTest {

    @Test
    void withBothSoftwareProvidersEveryAlgorithmIsServedAndTheMeasurementPicksTheFaster() throws Exception {
        try (RankingCryptoRegistry registry = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults())) {
            long start = System.nanoTime();
            registry.addProvider(new JcaProvider());
            registry.addProvider(new BouncyCastleProvider());
            registry.awaitTests();
            long tested = System.nanoTime();
            registry.awaitMeasurements();
            long measured = System.nanoTime();
            registry.remeasureNow(); // what the re-measurement 30 s after a registration does, warmer
            long remeasured = System.nanoTime();
            CapturingInvocation invocation = new CapturingInvocation();
            new ShowSecurityCryptoProviders(registry).execute(invocation);
            String text = invocation.text();
            System.out.println(text);
            System.out.printf("known-answer tests %d ms, first measurement %d ms, re-measurement %d ms (wall clock)%n",
                    (tested - start) / 1_000_000, (measured - tested) / 1_000_000, (remeasured - measured) / 1_000_000);

            for (Algorithm algorithm : Algorithm.values()) {
                assertTrue(registry.supports(algorithm), algorithm.label());
            }
            assertTrue(text.contains("\naes-128-gcm-16      jca "), text);
            // JDK 17's SunEC is 5-8 times slower than Bouncy Castle for ECDSA sign + verify (perf-baselines.md)
            assertTrue(text.contains("\necdsa-p256-sha256   bouncycastle "), text);
        }
    }

    @Test
    void textShowsTheFamilyTheProvidersAndOneRowPerAlgorithmWithFailuresExplained() {
        CapturingInvocation invocation = new CapturingInvocation();
        new ShowSecurityCryptoProviders(new StaticRegistry(sample())).execute(invocation);
        assertEquals(String.join("\n",
                "Device family: unknown (platform drivers not installed)",
                "",
                "Provider  State                    Driver",
                "jca       active                   SunJCE, SUN, SunEC, SunRsaSign (Java 17)",
                "openssl   active, measuring speed  libcrypto.so.3 (OpenSSL 3.0.19)",
                "",
                "Algorithm           Selected  jca             openssl",
                "aes-128-gcm-8       jca       1  812k   pass  -  -      FAIL",
                "aes-128-gcm-16      jca       1  2.91M  pass  2  -      pass",
                "ecp256              openssl   2  947    pass  1  18.3k  pass",
                "Cells: rank, operations/s, known-answer test; \"-\" not offered or not yet measured",
                "",
                "Known-answer test failures:",
                "  openssl   aes-128-gcm-8      failed: vector 2 (GCM spec Test Case 2): ciphertext and ICV differs",
                ""), invocation.text());
    }

    @Test
    void jsonCarriesTheSameData() {
        CapturingInvocation invocation = new CapturingInvocation();
        new ShowSecurityCryptoProviders(new StaticRegistry(sample())).execute(invocation);
        String json = Json.write(invocation.report.data());
        assertTrue(json.contains("\"device-family\": {\n      \"name\": \"unknown\",\n      \"detail\": \"platform drivers not installed\""),
                json);
        assertTrue(json.contains("\"algorithm\": \"ecp256\",\n"), json);
        assertTrue(json.contains("\"operations-per-second\": 18300,"), json);
        assertTrue(json.contains("\"operations-per-second\": null,"), json); // not yet measured
        assertTrue(json.contains("\"known-answer-test\": \"failed: vector 2 (GCM spec Test Case 2): ciphertext and ICV differs\""), json);
        assertTrue(json.contains("\"name\": \"ecp256\",\n        \"type\": \"key-exchange\",\n        \"selected-provider\": \"openssl\""),
                json);
        assertTrue(json.contains("\"name\": \"md5\",\n        \"type\": \"hash\",\n        \"selected-provider\": null"), json);
    }

    @Test
    void aDriverThatFoundNothingIsListedWithItsReason() {
        ShowSecurityCryptoProviders command = new ShowSecurityCryptoProviders(new StaticRegistry(sample()));
        command.addUnavailable(new ProviderStatus("acme-accel", "acme driver 1.0", "no accelerator card found",
                List.of()));
        CapturingInvocation invocation = new CapturingInvocation();
        command.execute(invocation);
        String text = invocation.text();
        assertTrue(text.contains("acme-accel  no accelerator card found"), text);
        assertTrue(text.contains("Algorithm           Selected  jca             openssl\n"), "no column for it: " + text);
    }

    @Test
    void aReportedDeviceFamilyIsShown() {
        CapturingInvocation invocation = new CapturingInvocation();
        DeviceFamilySource simulator = new DeviceFamilySource() {
            @Override
            public String name() {
                return "simulator";
            }

            @Override
            public String detail() {
                return null;
            }
        };
        new ShowSecurityCryptoProviders(new StaticRegistry(List.of()), simulator).execute(invocation);
        assertEquals("Device family: simulator\n\nNo crypto providers are registered.\n", invocation.text());
    }

    @Test
    void theBoundDeviceFamilyShowsItsHardwareStatusAndDrivers() {
        org.secplane.driver.DeviceFamily family = (org.secplane.driver.DeviceFamily) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.secplane.driver.DeviceFamily.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "name":
                            return "linux";
                        case "hardware":
                            return "Linux 6.1.0 amd64, /dev/net/tun present";
                        case "status":
                            return "ready: 1 tunnel interface, 0 static routes";
                        case "drivers":
                            return List.of("tunnels: TUN devices st0.N", "addresses and routes: rtnetlink");
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        ShowSecurityCryptoProviders command = new ShowSecurityCryptoProviders(new StaticRegistry(List.of()));
        command.addFamily(family);
        CapturingInvocation invocation = new CapturingInvocation();
        command.execute(invocation);
        assertEquals(String.join("\n",
                "Device family: linux",
                "  Hardware: Linux 6.1.0 amd64, /dev/net/tun present",
                "  Status:   ready: 1 tunnel interface, 0 static routes",
                "  Drivers:  tunnels: TUN devices st0.N",
                "            addresses and routes: rtnetlink",
                "",
                "No crypto providers are registered.",
                ""), invocation.text());
        String json = Json.write(invocation.report.data());
        assertTrue(json.contains("\"status\": \"ready: 1 tunnel interface, 0 static routes\""), json);
        command.removeFamily(family);
        CapturingInvocation after = new CapturingInvocation();
        command.execute(after);
        assertTrue(after.text().startsWith("Device family: unknown (platform drivers not installed)\n"), after.text());
    }

    private static List<ProviderStatus> sample() {
        return List.of(
                new ProviderStatus("jca", "SunJCE, SUN, SunEC, SunRsaSign (Java 17)", "active", List.of(
                        new CapabilityStatus(Algorithm.AES_128_GCM_8, true, "passed (4 vectors)", 812_345, 1, true),
                        new CapabilityStatus(Algorithm.AES_128_GCM_16, true, "passed (4 vectors)", 2_912_345, 1, true),
                        new CapabilityStatus(Algorithm.ECP_256, true, "passed (5 vectors)", 947.2, 2, false))),
                new ProviderStatus("openssl", "libcrypto.so.3 (OpenSSL 3.0.19)", "active, measuring speed", List.of(
                        new CapabilityStatus(Algorithm.AES_128_GCM_8, false,
                                "failed: vector 2 (GCM spec Test Case 2): ciphertext and ICV differs", Double.NaN, 0, false),
                        new CapabilityStatus(Algorithm.AES_128_GCM_16, true, "passed (4 vectors)", Double.NaN, 2, false),
                        new CapabilityStatus(Algorithm.ECP_256, true, "passed (5 vectors)", 18_300, 1, true))));
    }

    /** A registry that only reports a fixed status. */
    private static final class StaticRegistry implements CryptoRegistry {
        private final List<ProviderStatus> providers;

        StaticRegistry(List<ProviderStatus> providers) {
            this.providers = providers;
        }

        @Override
        public List<ProviderStatus> providers() {
            return providers;
        }

        @Override
        public boolean supports(Algorithm algorithm) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cipher cipher(Algorithm algorithm, byte[] key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mac mac(Algorithm algorithm, byte[] key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Prf prf(Algorithm algorithm) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Hash hash(Algorithm algorithm) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyExchange keyExchange(Algorithm algorithm) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Signer signer(Algorithm algorithm, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SecureRandom random() {
            throw new UnsupportedOperationException();
        }
    }
}
