package org.secplane.keystore.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.cli.Arguments;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.internal.TestRegistry;

/** The three commands as the CLI runs them: arguments parsed by their spec, output exactly as printed. */
class KeyCommandsTest {

    @TempDir
    Path state;

    private KeyStoreComponent keyStore;
    private String previousState;

    @BeforeEach
    void start() throws Exception {
        previousState = System.getProperty("secplane.state");
        System.setProperty("secplane.state", state.toString());
        keyStore = new KeyStoreComponent(TestRegistry.get(), config(Map.of()));
    }

    @AfterEach
    void stop() {
        keyStore.deactivate();
        if (previousState == null) {
            System.clearProperty("secplane.state");
        } else {
            System.setProperty("secplane.state", previousState);
        }
    }

    /** A configuration as SCR would hand it: the given properties, defaults for the rest. */
    static KeyStoreConfig config(Map<String, String> properties) {
        return new KeyStoreConfig() {
            private String get(String key, String fallback) {
                return properties.getOrDefault(key, fallback);
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return KeyStoreConfig.class;
            }

            @Override
            public String backend() {
                return get("backend", "software");
            }

            @Override
            public String library() {
                return get("library", "");
            }

            @Override
            public String slot() {
                return get("slot", "");
            }

            @Override
            public String slot$_$list$_$index() {
                return get("slot-list-index", "");
            }

            @Override
            public String token$_$label() {
                return get("token-label", "");
            }

            @Override
            public String pin$_$file() {
                return get("pin-file", "");
            }
        };
    }

    /** Runs {@code command} with {@code line} as its arguments; returns what it printed. */
    static String run(OperationalCommand command, String line) throws Exception {
        List<String> words = line.isEmpty() ? List.of() : Arrays.asList(line.split(" "));
        Arguments arguments = command.arguments().parse(words);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        command.execute(new Invocation() {
            @Override
            public Arguments arguments() {
                return arguments;
            }

            @Override
            public List<String> words() {
                return words;
            }

            @Override
            public Display display() {
                return Display.TEXT;
            }

            @Override
            public String user() {
                return "admin";
            }

            @Override
            public Path workingDirectory() {
                return Path.of(".");
            }

            @Override
            public void print(Report report) {
                report.printText(out);
            }

            @Override
            public PrintStream out() {
                return out;
            }

            @Override
            public boolean confirm(String question) {
                return false;
            }
        });
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String failure(OperationalCommand command, String line) {
        return assertThrows(CommandFailedException.class, () -> run(command, line)).getMessage();
    }

    @Test
    void generateKeyPairPrintsTheGuidesMessageWithItsDefaults() throws Exception {
        RequestSecurityPkiGenerateKeyPair generate = new RequestSecurityPkiGenerateKeyPair(keyStore);
        assertEquals("request security pki generate-key-pair", generate.name());
        assertEquals("Generated key pair test, key size 1024 bits\n", run(generate, "type rsa size 1024 certificate-id test"));
        assertEquals("Generated key pair ca-ipsec, key size 1024 bits\n", run(generate, "certificate-id ca-ipsec"));
        KeyPairInfo ca = keyStore.get("ca-ipsec").orElseThrow();
        assertEquals(KeyType.RSA, ca.type());
        assertEquals(1024, ca.size());
        assertEquals("Generated key pair ms-cert, key size 2048 bits\n", run(generate, "certificate-id ms-cert size 2048"));
        assertEquals("Generated key pair ec, key size 256 bits\n", run(generate, "certificate-id ec type ecdsa"));
        assertEquals("Generated key pair ec384, key size 384 bits\n", run(generate, "certificate-id ec384 type ecdsa size 384"));
        assertEquals("Generated key pair d, key size 1024 bits\n", run(generate, "certificate-id d type dsa"));
        assertEquals(KeyType.DSA, keyStore.get("d").orElseThrow().type());
    }

    @Test
    void generateKeyPairNamesTheAllowedValuesOnBadInput() throws Exception {
        RequestSecurityPkiGenerateKeyPair generate = new RequestSecurityPkiGenerateKeyPair(keyStore);
        assertEquals("'size': invalid value '1000', expecting one of (256 | 384 | 512 | 1024 | 2048 | 4096)",
                failure(generate, "certificate-id a size 1000"));
        assertEquals("'type': invalid value 'ed25519', expecting one of (dsa | ecdsa | rsa)",
                failure(generate, "certificate-id a type ed25519"));
        assertEquals("size 384 is not valid for type rsa; RSA key sizes: 512, 1024, 2048, 4096",
                failure(generate, "certificate-id a size 384"));
        assertEquals("size 2048 is not valid for type ecdsa; ECDSA key sizes: 256, 384",
                failure(generate, "certificate-id a type ecdsa size 2048"));
        assertEquals("syntax error: missing 'certificate-id' <certificate-id-name>", failure(generate, "size 1024"));
        assertTrue(failure(generate, "certificate-id a/b").startsWith("'certificate-id': invalid certificate-id 'a/b'"));
        run(generate, "certificate-id a");
        assertEquals("key pair a already exists; clear it first with 'clear security pki key-pair certificate-id a'",
                failure(generate, "certificate-id a type ecdsa"));
        assertTrue(keyStore.list().stream().allMatch(k -> k.certificateId().equals("a")));
    }

    @Test
    void clearKeyPairPrintsNothing() throws Exception {
        RequestSecurityPkiGenerateKeyPair generate = new RequestSecurityPkiGenerateKeyPair(keyStore);
        ClearSecurityPkiKeyPair clear = new ClearSecurityPkiKeyPair(keyStore);
        run(generate, "certificate-id a type ecdsa");
        run(generate, "certificate-id b type ecdsa");
        run(generate, "certificate-id c type ecdsa");
        assertEquals(List.of("a", "b", "c"), clear.arguments().options().get("certificate-id").type().completions());
        assertEquals("", run(clear, "certificate-id a"));
        assertEquals("key pair a does not exist", failure(clear, "certificate-id a"));
        assertEquals("syntax error, expecting all | certificate-id <certificate-id-name>", failure(clear, ""));
        assertEquals("syntax error: all and certificate-id cannot be used together", failure(clear, "all certificate-id b"));
        assertEquals("", run(clear, "all"));
        assertTrue(keyStore.list().isEmpty());
        assertEquals("", run(clear, "all"));
    }

    @Test
    void verifyIntegrityStatusPrintsTheGuidesLineOrNamesEveryDamagedFile() throws Exception {
        RequestSecurityPkiVerifyIntegrityStatus verify = new RequestSecurityPkiVerifyIntegrityStatus(keyStore, keyStore);
        assertEquals("All PKI objects: verification success\n", run(verify, ""));
        RequestSecurityPkiGenerateKeyPair generate = new RequestSecurityPkiGenerateKeyPair(keyStore);
        run(generate, "certificate-id a type ecdsa");
        run(generate, "certificate-id b");
        assertEquals("All PKI objects: verification success\n", run(verify, ""));
        Path file = state.resolve("pki/key-pair/b");
        byte[] content = Files.readAllBytes(file);
        content[content.length - 5] ^= 1;
        Files.write(file, content);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CommandFailedException failed = assertThrows(CommandFailedException.class, () -> {
            try {
                printed.writeBytes(run(verify, "").getBytes(StandardCharsets.UTF_8));
            } catch (CommandFailedException e) {
                throw e;
            }
        });
        assertEquals("PKI objects: verification failed: 1 of 2 objects failed", failed.getMessage());
        Map<?, ?> data = (Map<?, ?>) RequestSecurityPkiVerifyIntegrityStatus.data(keyStore.verifyIntegrity())
                .get("pki-integrity-status");
        assertEquals("failure", data.get("status"));
        assertEquals(List.of("key-pair a"), data.get("verified"));
        assertEquals("key-pair b", ((Map<?, ?>) ((List<?>) data.get("findings")).get(0)).get("object"));
        assertEquals(file.toString(), ((Map<?, ?>) ((List<?>) data.get("findings")).get(0)).get("file"));
    }

    @Test
    void aBadConfigurationRefusesNewKeysWithTheReason() throws Exception {
        keyStore.deactivate();
        keyStore = new KeyStoreComponent(TestRegistry.get(), config(Map.of("backend", "hsm")));
        String message = failure(new RequestSecurityPkiGenerateKeyPair(keyStore), "certificate-id a");
        assertEquals("etc/org.secplane.keystore.cfg: unknown key store backend 'hsm', expecting software or pkcs11", message);
        keyStore.modified(config(Map.of("backend", "pkcs11")));
        assertEquals("etc/org.secplane.keystore.cfg: backend pkcs11 needs 'library' (the PKCS#11 module)",
                failure(new RequestSecurityPkiGenerateKeyPair(keyStore), "certificate-id a"));
        keyStore.modified(config(Map.of()));
        assertEquals("Generated key pair a, key size 1024 bits\n", run(new RequestSecurityPkiGenerateKeyPair(keyStore), "certificate-id a"));
    }
}
