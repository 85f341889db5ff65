package org.secplane.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.keystore.IntegrityFinding.Problem;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.PkiObject;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/** The object store for any PKI object (what the PKI keeps next to key pairs), and its crash safety. */
class FileObjectStoreTest {

    private static final byte[] CERTIFICATE = "30820122...DER of a certificate".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path state;

    private final List<String> log = new ArrayList<>();
    private FileObjectStore store;

    @BeforeEach
    void open() throws Exception {
        reopen();
    }

    private void reopen() throws Exception {
        if (store != null) {
            store.close();
        }
        store = FileObjectStore.open(state.resolve("pki"), new java.security.SecureRandom(), log::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PkiObject certificate(String name, String serial) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("serial", serial);
        attributes.put("status", "loaded");
        return PkiObject.of(PkiObjectStore.LOCAL_CERTIFICATE, name, attributes, CERTIFICATE);
    }

    @Test
    void objectsOfAnyKindAreWrittenReadListedAndDeleted() throws Exception {
        store.write(certificate("vpn1", "0712dc31"), null);
        store.write(certificate("vpn2", "0a"), null);
        store.write(PkiObject.of(PkiObjectStore.CRL, "Root-CA", Map.of(), new byte[] {1, 2, 3}), null);
        reopen();
        PkiObject read = store.read(PkiObjectStore.LOCAL_CERTIFICATE, "vpn1").orElseThrow();
        assertArrayEquals(CERTIFICATE, read.content());
        assertEquals("0712dc31", read.attribute("serial"));
        assertEquals(List.of("serial", "status"), new ArrayList<>(read.attributes().keySet()));
        assertFalse(read.hasSecret());
        assertEquals(List.of("vpn1", "vpn2"), store.names(PkiObjectStore.LOCAL_CERTIFICATE));
        assertTrue(store.read(PkiObjectStore.CA_CERTIFICATE, "vpn1").isEmpty());
        store.write(certificate("vpn1", "ff"), null);
        assertEquals("ff", store.read(PkiObjectStore.LOCAL_CERTIFICATE, "vpn1").orElseThrow().attribute("serial"));
        assertTrue(store.delete(PkiObjectStore.LOCAL_CERTIFICATE, "vpn2"));
        assertFalse(store.delete(PkiObjectStore.LOCAL_CERTIFICATE, "vpn2"));
        IntegrityReport report = store.verifyIntegrity();
        assertTrue(report.success(), report.findings().toString());
        assertEquals(List.of("crl Root-CA", "local-certificate vpn1"), report.verified());
        assertEquals(IntegrityReport.SUCCESS, report.summary());
    }

    @Test
    void secretsOfAnyKindAreEncryptedAndHandedOutOnlyInsideWithSecret() throws Exception {
        byte[] secret = "challenge-password-abc".getBytes(StandardCharsets.US_ASCII);
        store.write(new PkiObject("enrollment", "vpn1", Map.of("ca-profile", "ca1"), new byte[0], true), secret);
        byte[] file = Files.readAllBytes(state.resolve("pki/enrollment/vpn1"));
        assertEquals(-1, KeyPairsTest.indexOf(file, secret));
        assertEquals(-1, KeyPairsTest.indexOf(file, "challenge".getBytes(StandardCharsets.US_ASCII)));
        byte[][] seen = new byte[1][];
        String clear = store.withSecret("enrollment", "vpn1", bytes -> {
            seen[0] = bytes;
            return new String(bytes, StandardCharsets.US_ASCII);
        });
        assertEquals("challenge-password-abc", clear);
        assertArrayEquals(new byte[secret.length], seen[0], "wiped when the function returned");
        assertEquals(Reason.NOT_FOUND, assertThrows(PkiStoreException.class,
                () -> store.withSecret(PkiObjectStore.LOCAL_CERTIFICATE, "nope", bytes -> 1)).reason());
        store.write(certificate("vpn1", "1"), null);
        assertEquals(Reason.INVALID, assertThrows(PkiStoreException.class,
                () -> store.withSecret(PkiObjectStore.LOCAL_CERTIFICATE, "vpn1", bytes -> 1)).reason());
    }

    @Test
    void badKindsAndNamesAreRefused() {
        for (String kind : List.of("manifest", "token-pin", "Key", "../x", "")) {
            assertEquals(Reason.INVALID, assertThrows(PkiStoreException.class,
                    () -> store.write(PkiObject.of(kind, "a", Map.of(), new byte[0]), null)).reason(), kind);
        }
        for (String name : List.of("", ".hidden", "-x", "a/b", "..", "x".repeat(64), "sp ace")) {
            assertEquals(Reason.INVALID, assertThrows(PkiStoreException.class,
                    () -> store.write(certificate(name, "1"), null)).reason(), name);
        }
        assertTrue(PkiObjectStore.isValidName("Root-CA.2008_x"));
    }

    @Test
    void aTamperedCertificateIsNamed() throws Exception {
        store.write(certificate("vpn1", "1"), null);
        Path file = state.resolve("pki/local-certificate/vpn1");
        byte[] content = Files.readAllBytes(file);
        content[40] ^= 0x20;
        Files.write(file, content);
        IntegrityReport report = store.verifyIntegrity();
        assertEquals(1, report.findings().size());
        assertEquals("local-certificate vpn1", report.findings().get(0).subject());
        assertEquals(Problem.MODIFIED, report.findings().get(0).problem());
        assertEquals(Reason.DAMAGED, assertThrows(PkiStoreException.class,
                () -> store.read(PkiObjectStore.LOCAL_CERTIFICATE, "vpn1")).reason());
    }

    /** A crash at each step of a change leaves the old or the new state, which the next start settles. */
    @ParameterizedTest
    @ValueSource(strings = {"intent", "done"})
    void aCrashDuringAChangeIsSettledAtTheNextStart(String step) throws Exception {
        store.write(certificate("replaced", "1"), null);
        store.write(certificate("deleted", "1"), null);
        store.crashPoint = at -> {
            if (at.equals(step)) {
                throw new IllegalStateException("power cut at " + at);
            }
        };
        assertThrows(IllegalStateException.class, () -> store.write(certificate("replaced", "2"), null));
        assertThrows(IllegalStateException.class, () -> store.write(certificate("created", "1"), null));
        assertThrows(IllegalStateException.class, () -> store.delete(PkiObjectStore.LOCAL_CERTIFICATE, "deleted"));
        reopen();
        IntegrityReport report = store.verifyIntegrity();
        assertTrue(report.success(), report.findings().toString());
        String serial = store.read(PkiObjectStore.LOCAL_CERTIFICATE, "replaced").orElseThrow().attribute("serial");
        assertEquals(step.equals("intent") ? "1" : "2", serial);
        assertEquals(step.equals("done"), store.exists(PkiObjectStore.LOCAL_CERTIFICATE, "created"));
        assertEquals(step.equals("intent"), store.exists(PkiObjectStore.LOCAL_CERTIFICATE, "deleted"));
    }

    @Test
    void leftoverTemporaryFilesAreRemovedAtStart() throws Exception {
        store.write(certificate("vpn1", "1"), null);
        Path temporary = state.resolve("pki/local-certificate/.vpn1.12345.tmp");
        Files.write(temporary, new byte[] {1});
        reopen();
        assertFalse(Files.exists(temporary));
        assertTrue(store.verifyIntegrity().success());
    }
}
