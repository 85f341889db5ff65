package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The key store's PKCS#11 backend in the real distribution against a SoftHSM2 token made for the test:
 * chosen by {@code etc/org.secplane.keystore.cfg} (token label), PIN from an owner-only file that the key
 * store seals on first use, key pairs generated in the token, found again after a restart.
 */
public class Pkcs11KeyStoreIT {

    private static final String LABEL = "secplane-it";
    private static final String PIN = "it-pin-2468";
    private static RunningDistribution distribution;
    private static String library;

    @BeforeClass
    public static void startDistribution() throws Exception {
        library = List.of("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so").stream()
                .filter(l -> Files.exists(Paths.get(l))).findFirst().orElse(null);
        assumeTrue("SoftHSM2 is not installed (itests/install-test-prerequisites installs it)", library != null);
        Path directory = Paths.get("target/softhsm-it").toAbsolutePath();
        Files.createDirectories(directory);
        Path tokens = Files.createTempDirectory(directory, "tokens-");
        Path conf = directory.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN,
                "--so-pin", "so-" + PIN).redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = init.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(output, 0, process.exitValue());
        distribution = RunningDistribution.start(Paths.get("target/dist-pkcs11"), Map.of("SOFTHSM2_CONF", conf.toString()));
    }

    @AfterClass
    public static void stopDistribution() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    public void keyPairsAreGeneratedInTheTokenChosenByConfiguration() throws Exception {
        Path pki = distribution.home().resolve("state/pki");
        Path pinFile = pki.resolve("token-pin");
        Files.writeString(pinFile, PIN + "\n");
        Files.setPosixFilePermissions(pinFile, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(distribution.home().resolve("etc/org.secplane.keystore.cfg"),
                "backend = pkcs11\nlibrary = " + library + "\ntoken-label = " + LABEL + "\n");
        String status = "";
        for (int i = 0; i < 30 && !status.contains("pkcs11 token \\\"" + LABEL + "\\\""); i++) {
            Thread.sleep(1000);
            status = distribution.batch("request security pki verify-integrity-status | display json\n");
        }
        assertTrue(status, status.contains("pkcs11 token \\\"" + LABEL + "\\\"") && status.contains("logged in"));
        String sealed = Files.readString(pinFile);
        assertTrue(sealed, sealed.startsWith("secplane-sealed-pin:1:") && !sealed.contains(PIN));

        String generated = distribution.batch("request security pki generate-key-pair certificate-id hsm-rsa size 2048\n"
                + "request security pki generate-key-pair certificate-id hsm-ec type ecdsa size 384\n");
        assertTrue(generated, generated.contains("Generated key pair hsm-rsa, key size 2048 bits"));
        assertTrue(generated, generated.contains("Generated key pair hsm-ec, key size 384 bits"));
        assertTrue("a token key pair's file holds only the public key",
                Files.size(pki.resolve("key-pair/hsm-rsa")) < 700);

        distribution.close();
        distribution.restart();
        assertEquals("All PKI objects: verification success",
                distribution.batch("request security pki verify-integrity-status\n").trim());
        String again = distribution.batch("request security pki generate-key-pair certificate-id hsm-ec type ecdsa size 384\n");
        assertTrue(again, again.contains("error: key pair hsm-ec already exists"));
        String cleared = distribution.batch("clear security pki key-pair all\nrequest security pki verify-integrity-status\n");
        assertFalse(cleared, cleared.contains("error"));
        assertTrue(cleared, cleared.contains("All PKI objects: verification success"));
    }
}
