package org.secplane.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SoftHSM2 for the PKCS#11 tests: a configuration at {@code $SOFTHSM2_CONF} (surefire sets it to
 * {@code target/softhsm2/softhsm2.conf}) pointing at a fresh token directory, with two tokens made once
 * per test JVM, before the library is first loaded. Tests skip, saying why, only when SoftHSM2 is not
 * installed ({@code itests/install-test-prerequisites} installs it).
 */
final class SoftHsm {

    static final String TOKEN_A = "secplane-a";
    static final String TOKEN_B = "secplane-b";
    static final String PIN_A = "1234-a";
    static final String PIN_B = "5678-b";
    private static final List<String> LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib64/pkcs11/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so");

    private static boolean ready;

    private SoftHsm() {
    }

    static String library() {
        return LIBRARIES.stream().filter(l -> Files.exists(Paths.get(l))).findFirst().orElse(null);
    }

    /** Makes the tokens (once per JVM); skips the test when SoftHSM2 is missing. */
    static synchronized String setUp() throws Exception {
        String library = library();
        boolean utility = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .anyMatch(directory -> Files.isExecutable(Paths.get(directory, "softhsm2-util")));
        assumeTrue(library != null && utility, "SoftHSM2 is not installed (apt-get install softhsm2, or run "
                + "itests/install-test-prerequisites): the PKCS#11 tests cannot run");
        if (ready) {
            return library;
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set: run the tests through Maven (surefire sets it)");
        }
        Path confFile = Paths.get(conf);
        Files.createDirectories(confFile.getParent());
        Path tokens = Files.createTempDirectory(confFile.getParent(), "tokens-");
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                + "slots.removable = false\n");
        initToken(TOKEN_A, PIN_A);
        initToken(TOKEN_B, PIN_B);
        ready = true;
        return library;
    }

    private static void initToken(String label, String pin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin,
                "--so-pin", "so-" + pin).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), "softhsm2-util --init-token: " + output);
    }

    /** Writes a PIN file (owner-only) holding {@code pin} in clear, as an operator would. */
    static Path pinFile(Path directory, String pin) throws IOException {
        Path file = directory.resolve("token-pin");
        Files.deleteIfExists(file);
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, pin + "\n");
        return file;
    }
}
