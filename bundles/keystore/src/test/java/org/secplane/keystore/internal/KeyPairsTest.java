package org.secplane.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Signer;
import org.secplane.keystore.IntegrityFinding;
import org.secplane.keystore.IntegrityFinding.Problem;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/** The software key store: generation, signing, encryption at rest, tamper detection, restart, zeroing. */
class KeyPairsTest {

    private static final byte[] MESSAGE = "IKE_AUTH octets to sign".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path state;

    private final CryptoRegistry registry = TestRegistry.get();
    private final List<String> log = new ArrayList<>();
    private FileObjectStore store;
    private KeyPairs keys;

    @BeforeEach
    void open() throws IOException {
        reopen();
    }

    private void reopen() throws IOException {
        if (store != null) {
            keys.close();
            store.close();
        }
        store = FileObjectStore.open(state.resolve("pki"), registry.random(), log::add);
        keys = new KeyPairs(store, registry, log::add);
    }

    @AfterEach
    void close() {
        Zeroing.observe(null);
        keys.close();
        store.close();
    }

    private Path file(String id) {
        return state.resolve("pki/key-pair").resolve(id);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"rsa, 512", "rsa, 1024", "rsa, 2048", "rsa, 4096", "dsa, 512", "dsa, 1024", "dsa, 2048", "ecdsa, 256",
            "ecdsa, 384"})
    void generatesEveryTypeAndSizeAndSignsWithEveryAlgorithmOfTheKey(String typeLabel, int bits) throws Exception {
        KeyType type = KeyType.byLabel(typeLabel);
        KeyPairInfo info = keys.generate("k1", type, bits);
        assertEquals(type, info.type());
        assertEquals(bits, info.size());
        assertEquals(bits, SoftwareKeys.sizeOf(info.publicKey()));
        assertEquals(KeyPairInfo.Backend.SOFTWARE, info.backend());
        for (Algorithm algorithm : type.signatureAlgorithms(bits)) {
            byte[] signature = keys.signer("k1", algorithm).sign(MESSAGE);
            assertTrue(registry.verify(algorithm, info.publicKey(), MESSAGE, signature), algorithm.label());
            assertFalse(registry.verify(algorithm, info.publicKey(), "other".getBytes(StandardCharsets.US_ASCII), signature));
        }
        assertTrue(keys.verifyIntegrity().success(), keys.verifyIntegrity().findings().toString());
    }

    @Test
    void defaultsAndSizeRulesFollowTheGuide() {
        assertEquals(1024, KeyType.RSA.defaultSize());
        assertEquals(1024, KeyType.DSA.defaultSize());
        assertEquals(256, KeyType.ECDSA.defaultSize());
        assertEquals(Algorithm.RSA_PKCS1_SHA1, KeyType.RSA.defaultSignature(1024));
        assertEquals(Algorithm.DSA_SHA1, KeyType.DSA.defaultSignature(1024));
        assertEquals(Algorithm.ECDSA_P384_SHA384, KeyType.ECDSA.defaultSignature(384));
        PkiStoreException ecdsa = assertThrows(PkiStoreException.class, () -> keys.generate("k", KeyType.ECDSA, 1024));
        assertEquals(Reason.INVALID, ecdsa.reason());
        assertEquals("size 1024 is not valid for type ecdsa; ECDSA key sizes: 256, 384", ecdsa.getMessage());
        PkiStoreException rsa = assertThrows(PkiStoreException.class, () -> keys.generate("k", KeyType.RSA, 256));
        assertEquals("size 256 is not valid for type rsa; RSA key sizes: 512, 1024, 2048, 4096", rsa.getMessage());
        PkiStoreException dsa = assertThrows(PkiStoreException.class, () -> keys.generate("k", KeyType.DSA, 4096));
        assertEquals("size 4096 is not valid for type dsa; DSA key sizes: 512, 1024, 2048", dsa.getMessage());
        PkiStoreException name = assertThrows(PkiStoreException.class, () -> keys.generate("../etc/passwd", KeyType.RSA, 1024));
        assertTrue(name.getMessage().startsWith("invalid certificate-id '../etc/passwd'"), name.getMessage());
    }

    @Test
    void anExistingIdIsRefusedAndKeptUnchanged() throws Exception {
        KeyPairInfo first = keys.generate("vpn1", KeyType.RSA, 1024);
        PkiStoreException again = assertThrows(PkiStoreException.class, () -> keys.generate("vpn1", KeyType.ECDSA, 256));
        assertEquals(Reason.EXISTS, again.reason());
        assertEquals("key pair vpn1 already exists; clear it first with 'clear security pki key-pair certificate-id vpn1'",
                again.getMessage());
        assertArrayEquals(first.publicKey().getEncoded(), keys.get("vpn1").orElseThrow().publicKey().getEncoded());
    }

    @Test
    void rsaAlgorithmsFitTheModulus() {
        assertEquals(List.of(Algorithm.RSA_PKCS1_SHA1, Algorithm.RSA_PKCS1_SHA256), KeyType.RSA.signatureAlgorithms(512));
        assertEquals(List.of(Algorithm.RSA_PKCS1_SHA1, Algorithm.RSA_PKCS1_SHA256, Algorithm.RSA_PKCS1_SHA384,
                Algorithm.RSA_PKCS1_SHA512, Algorithm.RSA_PSS_SHA256, Algorithm.RSA_PSS_SHA384), KeyType.RSA.signatureAlgorithms(1024));
        assertEquals(7, KeyType.RSA.signatureAlgorithms(2048).size());
    }

    @Test
    void signerRefusesAnAlgorithmThatDoesNotFitTheKey() throws Exception {
        keys.generate("ec", KeyType.ECDSA, 256);
        PkiStoreException wrong = assertThrows(PkiStoreException.class, () -> keys.signer("ec", Algorithm.RSA_PKCS1_SHA256));
        assertEquals(Reason.INVALID, wrong.reason());
        assertThrows(PkiStoreException.class, () -> keys.signer("ec", Algorithm.ECDSA_P384_SHA384));
        assertEquals(Reason.NOT_FOUND, assertThrows(PkiStoreException.class,
                () -> keys.signer("nope", Algorithm.ECDSA_P256_SHA256)).reason());
    }

    @Test
    void aNewStoreOverTheSameDirectoryFindsAndUsesTheKeys() throws Exception {
        KeyPairInfo rsa = keys.generate("rsa", KeyType.RSA, 2048);
        KeyPairInfo ec = keys.generate("ec", KeyType.ECDSA, 384);
        KeyPairInfo dsa = keys.generate("dsa", KeyType.DSA, 1024);
        reopen();
        List<KeyPairInfo> listed = keys.list();
        assertEquals(List.of("dsa", "ec", "rsa"), listed.stream().map(KeyPairInfo::certificateId).collect(Collectors.toList()));
        for (KeyPairInfo before : List.of(rsa, ec, dsa)) {
            KeyPairInfo after = keys.get(before.certificateId()).orElseThrow();
            assertArrayEquals(before.publicKey().getEncoded(), after.publicKey().getEncoded());
            assertEquals(before.type(), after.type());
            assertEquals(before.size(), after.size());
            assertEquals(before.created(), after.created());
            byte[] signature = keys.signer(before.certificateId(), before.defaultSignature()).sign(MESSAGE);
            assertTrue(registry.verify(before.defaultSignature(), before.publicKey(), MESSAGE, signature));
        }
        assertTrue(keys.verifyIntegrity().success());
        assertEquals(3, keys.verifyIntegrity().objects());
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        keys.generate("k1", KeyType.ECDSA, 256);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("pki"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("pki/key-pair"))));
        for (Path file : List.of(file("k1"), state.resolve("pki/manifest"), state.resolve("pki/device.kek"))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
    }

    // ------------------------------------------------------------------ encryption at rest

    /** Every encoding of the private key someone could grep for. */
    static List<byte[]> clearForms(byte[] pkcs8) throws Exception {
        List<byte[]> needles = new ArrayList<>();
        needles.add(pkcs8);
        String base64 = Base64.getEncoder().encodeToString(pkcs8);
        for (int i = 0; i + 64 <= base64.length(); i += 64) {
            needles.add(base64.substring(i, i + 64).getBytes(StandardCharsets.US_ASCII)); // PEM lines
        }
        needles.add(base64.substring(20, 60).getBytes(StandardCharsets.US_ASCII));
        PrivateKey key = null;
        for (String algorithm : List.of("RSA", "EC", "DSA")) {
            try {
                key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                break;
            } catch (java.security.spec.InvalidKeySpecException wrongType) {
                // next
            }
        }
        List<BigInteger> secrets = new ArrayList<>();
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            secrets.addAll(List.of(rsa.getPrivateExponent(), rsa.getPrimeP(), rsa.getPrimeQ(), rsa.getPrimeExponentP()));
        } else if (key instanceof DSAPrivateKey) {
            secrets.add(((DSAPrivateKey) key).getX());
        } else {
            secrets.add(((ECPrivateKey) key).getS());
        }
        for (BigInteger secret : secrets) {
            byte[] raw = secret.toByteArray();
            byte[] magnitude = raw[0] == 0 ? java.util.Arrays.copyOfRange(raw, 1, raw.length) : raw;
            needles.add(java.util.Arrays.copyOfRange(magnitude, 0, Math.min(magnitude.length, 20))); // raw, big-endian
            needles.add(secret.toString(16).substring(0, 32).getBytes(StandardCharsets.US_ASCII)); // hex
        }
        return needles;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void noFileHoldsAPrivateKeyInClear() throws Exception {
        List<String> ids = List.of("rsa1", "rsa4", "dsa", "ec256", "ec384");
        keys.generate("rsa1", KeyType.RSA, 1024);
        keys.generate("rsa4", KeyType.RSA, 4096);
        keys.generate("dsa", KeyType.DSA, 2048);
        keys.generate("ec256", KeyType.ECDSA, 256);
        keys.generate("ec384", KeyType.ECDSA, 384);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(state)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        assertTrue(files.size() >= 7, files.toString());
        for (String id : ids) {
            byte[] pkcs8 = store.withSecret(PkiObjectStore.KEY_PAIR, id, byte[]::clone);
            List<byte[]> needles = clearForms(pkcs8);
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                for (byte[] needle : needles) {
                    assertEquals(-1, indexOf(content, needle), id + ": clear key material (" + needle.length + " bytes) in " + file);
                }
            }
        }
    }

    @Test
    void decryptedKeysAreWipedAfterEachSignature() throws Exception {
        keys.generate("k", KeyType.RSA, 1024);
        byte[] pkcs8 = store.withSecret(PkiObjectStore.KEY_PAIR, "k", byte[]::clone);
        List<byte[]> wiped = new ArrayList<>();
        Zeroing.observe(wiped::add);
        Signer signer = keys.signer("k", Algorithm.RSA_PKCS1_SHA256);
        signer.sign(MESSAGE);
        signer.sign(MESSAGE);
        Zeroing.observe(null);
        List<byte[]> decrypted = wiped.stream().filter(a -> a.length == pkcs8.length).collect(Collectors.toList());
        assertEquals(2, decrypted.size(), "one decrypted key per signature");
        for (byte[] array : decrypted) {
            assertArrayEquals(new byte[pkcs8.length], array);
        }
    }

    @Test
    void theKeyGeneratedIsWipedAfterItWasSealed() throws Exception {
        List<byte[]> wiped = new ArrayList<>();
        Zeroing.observe(wiped::add);
        keys.generate("k", KeyType.ECDSA, 256);
        Zeroing.observe(null);
        byte[] pkcs8 = store.withSecret(PkiObjectStore.KEY_PAIR, "k", byte[]::clone);
        assertTrue(wiped.stream().anyMatch(a -> a.length == pkcs8.length && java.util.Arrays.equals(a, new byte[a.length])));
    }

    // ------------------------------------------------------------------ tampering

    private IntegrityFinding only(IntegrityReport report) {
        assertFalse(report.success());
        assertEquals(1, report.findings().size(), report.findings().toString());
        return report.findings().get(0);
    }

    @Test
    void aModifiedByteIsDetectedAndTheKeyRefused() throws Exception {
        keys.generate("a", KeyType.RSA, 1024);
        keys.generate("b", KeyType.ECDSA, 256);
        Signer signer = keys.signer("a", Algorithm.RSA_PKCS1_SHA1);
        byte[] content = Files.readAllBytes(file("a"));
        content[content.length / 2] ^= 0x01;
        Files.write(file("a"), content);
        IntegrityFinding finding = only(keys.verifyIntegrity());
        assertEquals(Problem.MODIFIED, finding.problem());
        assertEquals("key-pair a", finding.subject());
        assertEquals(file("a"), finding.file());
        assertEquals("key-pair a: verification failed: modified: the content does not match its MAC (" + file("a") + ")",
                finding.message());
        CryptoException refused = assertThrows(CryptoException.class, () -> signer.sign(MESSAGE));
        assertTrue(refused.getMessage().contains("key-pair a: verification failed: modified"), refused.getMessage());
        assertEquals(Reason.DAMAGED, assertThrows(PkiStoreException.class, () -> keys.get("a")).reason());
        assertEquals(List.of("b"), keys.list().stream().map(KeyPairInfo::certificateId).collect(Collectors.toList()));
        assertEquals("PKI objects: verification failed: 1 of 2 objects failed", keys.verifyIntegrity().summary());
    }

    @Test
    void aTruncatedFileIsDetected() throws Exception {
        keys.generate("a", KeyType.DSA, 1024);
        byte[] content = Files.readAllBytes(file("a"));
        Files.write(file("a"), java.util.Arrays.copyOf(content, content.length - 10));
        IntegrityFinding finding = only(keys.verifyIntegrity());
        assertEquals(Problem.TRUNCATED, finding.problem());
        assertEquals("key-pair a", finding.subject());
        Files.write(file("a"), new byte[0]);
        assertEquals(Problem.TRUNCATED, only(keys.verifyIntegrity()).problem());
        Files.write(file("a"), java.util.Arrays.copyOf(content, 100));
        assertEquals(Problem.TRUNCATED, only(keys.verifyIntegrity()).problem());
    }

    @Test
    void swappedKeyFilesAreBothNamed() throws Exception {
        keys.generate("a", KeyType.RSA, 1024);
        keys.generate("b", KeyType.RSA, 1024);
        keys.generate("c", KeyType.RSA, 1024);
        Path temporary = state.resolve("swap");
        Files.move(file("a"), temporary);
        Files.move(file("b"), file("a"));
        Files.move(temporary, file("b"));
        IntegrityReport report = keys.verifyIntegrity();
        assertEquals(2, report.findings().size(), report.findings().toString());
        assertEquals(Problem.SWAPPED, report.findings().get(0).problem());
        assertEquals("key-pair a: verification failed: swapped: the file holds key-pair b (files swapped, renamed or copied over) ("
                + file("a") + ")", report.findings().get(0).message());
        assertEquals("key-pair b", report.findings().get(1).subject());
        assertEquals(List.of("key-pair c"), report.verified());
        assertThrows(PkiStoreException.class, () -> keys.signer("a", Algorithm.RSA_PKCS1_SHA1));
    }

    @Test
    void aDeletedFileIsMissingAndAnAddedOneUnexpected() throws Exception {
        keys.generate("a", KeyType.ECDSA, 256);
        keys.generate("b", KeyType.ECDSA, 256);
        Files.copy(file("b"), state.resolve("pki/key-pair/stray"));
        Files.delete(file("a"));
        IntegrityReport report = keys.verifyIntegrity();
        assertEquals(2, report.findings().size(), report.findings().toString());
        assertEquals(Problem.MISSING, report.findings().get(0).problem());
        assertEquals("key-pair a", report.findings().get(0).subject());
        assertEquals(Problem.SWAPPED, report.findings().get(1).problem());
        assertEquals("key-pair stray", report.findings().get(1).subject());
        assertEquals(Reason.DAMAGED, assertThrows(PkiStoreException.class, () -> keys.get("a")).reason());
        Files.writeString(state.resolve("pki/key-pair/.notes"), "x");
        Files.delete(state.resolve("pki/key-pair/.notes"));
        Files.delete(state.resolve("pki/key-pair/stray"));
        assertEquals(2, keys.deleteAll(), "clearing all also forgets a key pair whose file is gone");
        assertTrue(keys.verifyIntegrity().success(), keys.verifyIntegrity().findings().toString());
        Files.writeString(state.resolve("pki/key-pair/.notes"), "x");
        assertEquals(Problem.UNEXPECTED, keys.verifyIntegrity().findings().stream()
                .filter(f -> f.file().endsWith(".notes")).findFirst().orElseThrow().problem());
    }

    @Test
    void anOlderCopyPutBackIsDetected() throws Exception {
        keys.generate("a", KeyType.ECDSA, 256);
        byte[] old = Files.readAllBytes(file("a"));
        keys.delete("a");
        keys.generate("a", KeyType.ECDSA, 256);
        Files.write(file("a"), old);
        IntegrityFinding finding = only(keys.verifyIntegrity());
        assertEquals(Problem.REPLACED, finding.problem());
    }

    @Test
    void aKeyFileFromAnotherDeviceDoesNotVerify() throws Exception {
        keys.generate("a", KeyType.ECDSA, 256);
        Path other = state.resolve("other");
        try (FileObjectStore otherStore = FileObjectStore.open(other, registry.random(), log::add)) {
            new KeyPairs(otherStore, registry, log::add).generate("a", KeyType.ECDSA, 256);
        }
        Files.copy(other.resolve("key-pair/a"), file("a"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Problem.MODIFIED, only(keys.verifyIntegrity()).problem());
    }

    @Test
    void aDamagedManifestIsReportedAndRebuiltByTheNextChange() throws Exception {
        keys.generate("a", KeyType.ECDSA, 256);
        Path manifest = state.resolve("pki/manifest");
        byte[] content = Files.readAllBytes(manifest);
        content[content.length - 1] ^= 0x40;
        Files.write(manifest, content);
        reopen();
        IntegrityFinding finding = only(keys.verifyIntegrity());
        assertEquals(Problem.MANIFEST, finding.problem());
        assertEquals("PKI store", finding.subject());
        assertTrue(keys.signer("a", Algorithm.ECDSA_P256_SHA256).sign(MESSAGE).length > 0, "each file still verifies on its own");
        keys.generate("b", KeyType.ECDSA, 256);
        assertTrue(keys.verifyIntegrity().success(), keys.verifyIntegrity().findings().toString());
        assertTrue(log.stream().anyMatch(line -> line.contains("rebuilt it from the 1 PKI objects")), log.toString());
    }

    @Test
    void withoutItsDeviceKeyTheStoreSaysSoAndRefusesToWork() throws Exception {
        keys.generate("a", KeyType.ECDSA, 256);
        Files.delete(state.resolve("pki/device.kek"));
        reopen();
        assertFalse(Files.exists(state.resolve("pki/device.kek")), "no new device key over existing objects");
        IntegrityFinding finding = only(keys.verifyIntegrity());
        assertEquals(Problem.DEVICE_KEY, finding.problem());
        assertEquals(1, keys.verifyIntegrity().objects());
        assertEquals(Reason.UNAVAILABLE, assertThrows(PkiStoreException.class, () -> keys.generate("b", KeyType.RSA, 1024)).reason());
        assertEquals(Reason.UNAVAILABLE, assertThrows(PkiStoreException.class, () -> keys.get("a")).reason());
    }

    // ------------------------------------------------------------------ clearing, importing

    @Test
    void clearingOneOrAll() throws Exception {
        keys.generate("a", KeyType.ECDSA, 256);
        keys.generate("b", KeyType.ECDSA, 256);
        keys.generate("c", KeyType.ECDSA, 256);
        Signer signer = keys.signer("a", Algorithm.ECDSA_P256_SHA256);
        assertTrue(keys.delete("a"));
        assertFalse(keys.delete("a"));
        assertFalse(Files.exists(file("a")));
        assertThrows(CryptoException.class, () -> signer.sign(MESSAGE));
        assertTrue(keys.verifyIntegrity().success());
        assertEquals(2, keys.deleteAll());
        assertTrue(keys.list().isEmpty());
        IntegrityReport report = keys.verifyIntegrity();
        assertTrue(report.success());
        assertEquals(0, report.objects());
    }

    @Test
    void aDamagedKeyPairCanStillBeCleared() throws Exception {
        keys.generate("a", KeyType.ECDSA, 256);
        Files.write(file("a"), new byte[] {1, 2, 3});
        assertTrue(keys.delete("a"));
        assertTrue(keys.verifyIntegrity().success());
    }

    @Test
    void importedKeyPairsAreCheckedAndEncrypted() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        java.security.KeyPair pair = generator.generateKeyPair();
        java.security.KeyPair other = generator.generateKeyPair();
        PkiStoreException mismatch = assertThrows(PkiStoreException.class,
                () -> keys.importKeyPair("imp", pair.getPrivate().getEncoded(), other.getPublic().getEncoded()));
        assertEquals("the private key does not belong to the public key", mismatch.getMessage());
        KeyPairInfo info = keys.importKeyPair("imp", pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
        assertEquals(KeyType.ECDSA, info.type());
        assertEquals(384, info.size());
        assertEquals(-1, indexOf(Files.readAllBytes(file("imp")), pair.getPrivate().getEncoded()));
        byte[] signature = keys.signer("imp", Algorithm.ECDSA_P384_SHA384).sign(MESSAGE);
        assertTrue(registry.verify(Algorithm.ECDSA_P384_SHA384, pair.getPublic(), MESSAGE, signature));
        java.security.KeyPairGenerator k1 = java.security.KeyPairGenerator.getInstance("EC",
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        k1.initialize(new java.security.spec.ECGenParameterSpec("secp256k1"));
        java.security.KeyPair bitcoin = k1.generateKeyPair();
        assertNotNull(assertThrows(PkiStoreException.class,
                () -> keys.importKeyPair("k1", bitcoin.getPrivate().getEncoded(), bitcoin.getPublic().getEncoded())));
    }
}
