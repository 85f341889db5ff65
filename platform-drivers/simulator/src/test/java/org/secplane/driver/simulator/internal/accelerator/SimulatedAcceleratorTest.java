package org.secplane.driver.simulator.internal.accelerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.internal.registry.KnownAnswerTest;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.driver.OffloadMode;
import org.secplane.driver.PolicySpec;
import org.secplane.driver.SaOffload;
import org.secplane.driver.SaSpec;

/**
 * The simulated accelerator from its data file: the crypto registry's own known-answer tests accept what
 * it computes right and reject its erratum; SA offload honours modes, algorithms, capacity and NAT-T,
 * with explicit modes failing and AUTO falling back.
 */
class SimulatedAcceleratorTest {

    static final String SAMPLE = String.join("\n",
            "# a sample device",
            "name = simacc",
            "model = SimCrypto 9000 rev B",
            "algorithms = aes-128-cbc aes-256-cbc aes-128-ctr aes-128-gcm-8 aes-128-gcm-16 aes-256-gcm-16 chacha20-poly1305, \\",
            "    3des-cbc hmac-sha1-96 hmac-sha2-256-128 prf-hmac-sha2-256 sha2-256 rsa-pkcs1-sha256 ecdsa-p256-sha256 random",
            "known-answer-test-failures = aes-256-gcm-16",
            "max-sas = 2",
            "offload-modes = crypto",
            "features = esn",
            "");

    @TempDir
    Path directory;

    @Test
    void theRegistrysKnownAnswerTestsPassEveryClaimedAlgorithmButTheErratum() {
        SimulatedCryptoProvider provider = new SimulatedCryptoProvider(AcceleratorSpec.parse("sample", SAMPLE));
        for (Algorithm algorithm : provider.algorithms()) {
            KnownAnswerTest.Result result = KnownAnswerTest.run(provider, algorithm);
            assertEquals(algorithm != Algorithm.AES_256_GCM_16, result.passed(), algorithm.label() + ": " + result);
        }
    }

    @Test
    void inTheRegistryTheErratumIsShownAndNotOffered() throws Exception {
        SimulatedAccelerator accelerator = new SimulatedAccelerator(AcceleratorSpec.parse("sample", SAMPLE));
        try (RankingCryptoRegistry registry = new RankingCryptoRegistry(
                RankingCryptoRegistry.Settings.defaults().meter((provider, algorithm, budget) -> 1000.0))) {
            registry.addProvider(accelerator.crypto());
            registry.awaitTests();
            ProviderStatus status = registry.providers().get(0);
            assertEquals("simacc", status.name());
            assertTrue(status.driver().startsWith("simulated SimCrypto 9000 rev B (JDK "), status.driver());
            Map<Algorithm, ProviderStatus.CapabilityStatus> byAlgorithm = status.capabilities().stream()
                    .collect(Collectors.toMap(ProviderStatus.CapabilityStatus::algorithm, c -> c));
            assertFalse(byAlgorithm.get(Algorithm.AES_256_GCM_16).registered());
            assertTrue(byAlgorithm.get(Algorithm.AES_256_GCM_16).knownAnswerTest().startsWith("failed: "));
            assertTrue(byAlgorithm.get(Algorithm.AES_128_GCM_16).registered());
            assertTrue(registry.supports(Algorithm.AES_128_GCM_16));
            assertFalse(registry.supports(Algorithm.AES_256_GCM_16), "the only provider failed it");
            assertFalse(registry.supports(Algorithm.ECP_256), "not claimed");
        }
    }

    @Test
    void loadsFromAFile() throws Exception {
        Path file = directory.resolve("acc.properties");
        Files.writeString(file, SAMPLE);
        SimulatedAccelerator accelerator = SimulatedAccelerator.load(file);
        assertEquals(2, accelerator.spec().maxSas());
        assertEquals(EnumSet.of(OffloadMode.CRYPTO), accelerator.spec().offloadModes());
        assertTrue(accelerator.describe().contains("1 with an erratum"), accelerator.describe());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key|name = x\\nalgorithms = sha1\\nspeed = 10|unknown key 'speed'",
        "bad name|name = Big Box\\nalgorithms = sha1|name 'Big Box' must be",
        "no algorithms|name = x|'algorithms' lists nothing",
        "unknown algorithm|name = x\\nalgorithms = rot13|unknown algorithm 'rot13'",
        "key exchange|name = x\\nalgorithms = ecp256|ecp256: key exchanges are not simulated",
        "failure not claimed|name = x\\nalgorithms = sha1\\nknown-answer-test-failures = md5|md5 is not among its algorithms",
        "bad mode|name = x\\nalgorithms = sha1\\nmax-sas = 4\\noffload-modes = turbo|'turbo' is not an offload mode",
        "modes without SAs|name = x\\nalgorithms = sha1\\noffload-modes = packet|offload-modes given but max-sas is 0",
        "bad max|name = x\\nalgorithms = sha1\\nmax-sas = many|max-sas 'many' is not a number",
        "bad feature|name = x\\nalgorithms = sha1\\nfeatures = warp|'warp' is not a feature",
    })
    void aBadDataFileIsRefusedNamingTheKey(String what, String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AcceleratorSpec.parse("bad.properties", text.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith("accelerator data file bad.properties: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    }

    @Test
    void anExplicitModeItCannotDoFailsNamingWhyAndAutoFallsBack() {
        SaOffload offload = new SimulatedSaOffload(AcceleratorSpec.parse("sample", SAMPLE)); // crypto only, 2 SAs
        SaSpec gcm = sa(0x1001, "aes-128-gcm-16", null, 0);
        UnsupportedOperationException packet = assertThrows(UnsupportedOperationException.class,
                () -> offload.addSa(gcm, OffloadMode.PACKET));
        assertTrue(packet.getMessage().contains("packet offload is not supported (it supports [crypto])"), packet.getMessage());
        assertEquals(OffloadMode.CRYPTO, offload.addSa(gcm, OffloadMode.AUTO), "auto takes the most the device offers");
        assertTrue(offload.querySa(0x1001, "1.1.1.1", 50).installed);

        SaSpec erratum = sa(0x1002, "aes-256-gcm-16", null, 0);
        UnsupportedOperationException broken = assertThrows(UnsupportedOperationException.class,
                () -> offload.addSa(erratum, OffloadMode.CRYPTO));
        assertTrue(broken.getMessage().contains("aes-256-gcm-16 fails its known-answer tests"), broken.getMessage());
        assertEquals(OffloadMode.NONE, offload.addSa(erratum, OffloadMode.AUTO), "auto falls back to the Java data plane");
        assertFalse(offload.querySa(0x1002, "1.1.1.1", 50).installed);

        SaSpec unknown = sa(0x1003, "aes-192-cbc", "hmac-sha2-512-256", 0);
        UnsupportedOperationException unsupported = assertThrows(UnsupportedOperationException.class,
                () -> offload.addSa(unknown, OffloadMode.CRYPTO));
        assertTrue(unsupported.getMessage().contains("encryption algorithm aes-192-cbc is not supported; "
                + "integrity algorithm hmac-sha2-512-256 is not supported"), unsupported.getMessage());

        assertEquals(OffloadMode.NONE, offload.addSa(sa(0x1004, "aes-128-cbc", "hmac-sha1-96", 0), OffloadMode.NONE));
        assertEquals(OffloadMode.CRYPTO, offload.addSa(sa(0x1005, "aes-128-cbc", "hmac-sha1-96", 0), OffloadMode.CRYPTO));
        SaSpec third = sa(0x1006, "aes-128-cbc", "hmac-sha1-96", 0);
        UnsupportedOperationException full = assertThrows(UnsupportedOperationException.class,
                () -> offload.addSa(third, OffloadMode.CRYPTO));
        assertTrue(full.getMessage().contains("its SA table is full (2 SAs)"), full.getMessage());
        assertEquals(OffloadMode.NONE, offload.addSa(third, OffloadMode.AUTO));
        offload.deleteSa(0x1001, "1.1.1.1", 50);
        assertEquals(OffloadMode.CRYPTO, offload.addSa(third, OffloadMode.AUTO), "room again after a delete");
    }

    @Test
    void packetModeNeedsUdpEncapsulationForNatTAndPoliciesNeedAPacketModeSa() {
        AcceleratorSpec spec = AcceleratorSpec.parse("packet", String.join("\n", "name = npu", "algorithms = aes-128-gcm-16",
                "max-sas = 8", "offload-modes = crypto packet"));
        SimulatedSaOffload offload = new SimulatedSaOffload(spec);
        assertEquals(Set.of("crypto", "packet", "aes-128-gcm-16"), offload.features());
        SaSpec natT = sa(0x2001, "aes-128-gcm-16", null, 4500);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> offload.addSa(natT, OffloadMode.PACKET));
        assertTrue(e.getMessage().contains("UDP encapsulation (NAT-T) is not supported"), e.getMessage());
        assertEquals(OffloadMode.CRYPTO, offload.addSa(natT, OffloadMode.AUTO), "auto settles for crypto offload");
        PolicySpec policy = new PolicySpec("10.10.10.0/24", "10.20.20.0/24", 0, true, 0x2001, "1.1.1.2", "1.1.1.1");
        assertThrows(UnsupportedOperationException.class, () -> offload.addPolicy(policy), "SA not in packet mode");

        SaSpec plain = sa(0x2002, "aes-128-gcm-16", null, 0);
        assertEquals(OffloadMode.PACKET, offload.addSa(plain, OffloadMode.AUTO));
        PolicySpec packetPolicy = new PolicySpec("10.10.10.0/24", "10.20.20.0/24", 0, true, 0x2002, "1.1.1.2", "1.1.1.1");
        offload.addPolicy(packetPolicy);
        assertEquals(1, offload.installedPolicies());
        offload.account(0x2002, "1.1.1.1", 50, 1400);
        SaOffload.SaCounters counters = offload.querySa(0x2002, "1.1.1.1", 50);
        assertEquals(1, counters.packets);
        assertEquals(1400, counters.bytes);
        offload.deleteSa(0x2002, "1.1.1.1", 50);
        assertEquals(0, offload.installedPolicies(), "deleting the SA removes its policies");
    }

    @Test
    void theEngineKeepsCopiesOfKeysAndUpdatesInPlace() {
        SimulatedSaOffload offload = new SimulatedSaOffload(AcceleratorSpec.parse("sample", SAMPLE));
        byte[] key = new byte[20];
        java.util.Arrays.fill(key, (byte) 7);
        SaSpec sa = new SaSpec(0x3001, 50, "1.1.1.2", "1.1.1.1", false, true, "aes-128-gcm-16", key, null, null, 0, 0, 64, 0);
        offload.addSa(sa, OffloadMode.CRYPTO);
        java.util.Arrays.fill(key, (byte) 0);
        SaSpec moved = new SaSpec(0x3001, 50, "1.1.1.2", "1.1.1.9", false, true, "aes-128-gcm-16", new byte[20], null, null, 0,
                0, 64, 0);
        offload.updateSa(moved);
        assertFalse(offload.querySa(0x3001, "1.1.1.1", 50).installed);
        assertTrue(offload.querySa(0x3001, "1.1.1.9", 50).installed);
        assertThrows(IllegalStateException.class, () -> offload.updateSa(sa(0x9999, "aes-128-gcm-16", null, 0)));
        assertArrayEquals(new byte[20], key, "the caller's array is its own");
    }

    @Test
    void keyExchangesAreNotSimulated() {
        SimulatedCryptoProvider provider = new SimulatedCryptoProvider(AcceleratorSpec.parse("sample", SAMPLE));
        assertThrows(RuntimeException.class, () -> provider.keyExchange(Algorithm.ECP_256));
        assertThrows(RuntimeException.class, () -> provider.cipher(Algorithm.AES_192_CBC, new byte[24]), "not claimed");
    }

    private static SaSpec sa(long spi, String encryption, String integrity, int natTPort) {
        return new SaSpec(spi, 50, "1.1.1.2", "1.1.1.1", false, true, encryption, new byte[20], integrity,
                integrity == null ? null : new byte[20], natTPort, natTPort, 64, 0);
    }
}
