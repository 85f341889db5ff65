package org.secplane.keystore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.keystore.IntegrityFinding;
import org.secplane.keystore.IntegrityFinding.Problem;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyPairInfo.Backend;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiObject;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/** The PKCS#11 backend against SoftHSM2 tokens made for the test run. */
class Pkcs11KeyPairsTest {

    private static final byte[] MESSAGE = "AUTH payload".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path state;

    private final CryptoRegistry registry = TestRegistry.get();
    private final List<String> log = new ArrayList<>();
    private String library;
    private FileObjectStore store;
    private KeyPairs keys;

    @BeforeEach
    void open() throws Exception {
        library = SoftHsm.setUp();
        emptyToken(SoftHsm.TOKEN_A, SoftHsm.PIN_A);
        emptyToken(SoftHsm.TOKEN_B, SoftHsm.PIN_B);
        reopen(SoftHsm.TOKEN_A, SoftHsm.PIN_A);
    }

    private void reopen(String label, String pin) throws Exception {
        close();
        store = FileObjectStore.open(state.resolve("pki"), registry.random(), log::add);
        keys = new KeyPairs(store, registry, log::add);
        Path pinFile = state.resolve("pki/token-pin");
        if (!Files.exists(pinFile)) {
            SoftHsm.pinFile(state.resolve("pki"), pin);
        }
        keys.configure(Backend.PKCS11, new TokenSettings(library, null, null, label, pinFile));
    }

    @AfterEach
    void close() {
        if (keys != null) {
            keys.close();
            store.close();
        }
    }

    /** Removes what earlier tests left in a token (all tests share the two tokens). */
    private void emptyToken(String label, String pin) throws Exception {
        try (Pkcs11Token token = Pkcs11Token.connect(new TokenSettings(library, null, null, label, state), pin.toCharArray())) {
            for (String alias : token.aliases()) {
                token.delete(alias);
            }
        }
    }

    /** The token's own view, through a SunPKCS11 provider of the test's. */
    private static KeyStore tokenKeyStore(String library, String label, String pin) throws Exception {
        long slot = SlotFinder.slotOf(library, label);
        Provider provider = Security.getProvider("SunPKCS11").configure("--name=test-" + label + "-" + System.nanoTime()
                + "\nlibrary=" + library + "\nslot=" + slot + "\n");
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        keyStore.load(null, pin.toCharArray());
        return keyStore;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"rsa, 1024", "rsa, 2048", "dsa, 1024", "ecdsa, 256", "ecdsa, 384"})
    void generatesInTheTokenAndSignsThere(String typeLabel, int bits) throws Exception {
        KeyType type = KeyType.byLabel(typeLabel);
        KeyPairInfo info = keys.generate("vpn1", type, bits);
        assertEquals(Backend.PKCS11, info.backend());
        assertEquals(bits, SoftwareKeys.sizeOf(info.publicKey()));
        for (Algorithm algorithm : type.signatureAlgorithms(bits)) {
            byte[] signature = keys.signer("vpn1", algorithm).sign(MESSAGE);
            assertTrue(registry.verify(algorithm, info.publicKey(), MESSAGE, signature), algorithm.label());
        }
        PkiObject object = store.read(PkiObjectStore.KEY_PAIR, "vpn1").orElseThrow();
        assertFalse(object.hasSecret(), "a token key pair's file holds no private key");
        assertEquals("pkcs11", object.attribute("backend"));
        IntegrityReport report = keys.verifyIntegrity();
        assertTrue(report.success(), report.findings().toString());
        assertEquals(List.of("key-pair vpn1"), report.verified());
    }

    @Test
    void thePrivateKeyIsASensitiveUnextractableTokenObject() throws Exception {
        keys.generate("vpn1", KeyType.RSA, 2048);
        keys.generate("vpn2", KeyType.ECDSA, 256);
        KeyStore token = tokenKeyStore(library, SoftHsm.TOKEN_A, SoftHsm.PIN_A);
        assertEquals(List.of("vpn1", "vpn2"), Collections.list(token.aliases()).stream().sorted().collect(Collectors.toList()));
        for (String alias : List.of("vpn1", "vpn2")) {
            Key key = token.getKey(alias, null);
            assertNull(key.getEncoded(), "the token does not give out the private key");
            assertTrue(key.toString().contains("token object, sensitive, unextractable"), key.toString());
        }
    }

    @Test
    void keysAreFoundAgainAfterARestart() throws Exception {
        KeyPairInfo generated = keys.generate("vpn1", KeyType.ECDSA, 384);
        reopen(SoftHsm.TOKEN_A, SoftHsm.PIN_A);
        KeyPairInfo found = keys.get("vpn1").orElseThrow();
        assertArrayEquals(generated.publicKey().getEncoded(), found.publicKey().getEncoded());
        byte[] signature = keys.signer("vpn1", Algorithm.ECDSA_P384_SHA384).sign(MESSAGE);
        assertTrue(registry.verify(Algorithm.ECDSA_P384_SHA384, found.publicKey(), MESSAGE, signature));
        assertTrue(keys.verifyIntegrity().success());
    }

    @Test
    void theTokenIsChosenByLabel() throws Exception {
        Map<Long, String> tokens = SlotFinder.tokens(library);
        assertTrue(tokens.values().containsAll(List.of(SoftHsm.TOKEN_A, SoftHsm.TOKEN_B)), tokens.toString());
        Files.delete(state.resolve("pki/token-pin"));
        reopen(SoftHsm.TOKEN_B, SoftHsm.PIN_B);
        keys.generate("in-b", KeyType.RSA, 1024);
        assertTrue(keys.backendStatus().contains("token \"secplane-b\""), keys.backendStatus());
        assertTrue(tokenKeyStore(library, SoftHsm.TOKEN_B, SoftHsm.PIN_B).isKeyEntry("in-b"));
        assertFalse(tokenKeyStore(library, SoftHsm.TOKEN_A, SoftHsm.PIN_A).containsAlias("in-b"));
        keys.configure(Backend.PKCS11, new TokenSettings(library, null, null, "no-such-token", state.resolve("pki/token-pin")));
        PkiStoreException unknown = assertThrows(PkiStoreException.class, () -> keys.generate("x", KeyType.RSA, 1024));
        assertEquals(Reason.UNAVAILABLE, unknown.reason());
        assertTrue(unknown.getMessage().contains("no token labelled \"no-such-token\"") && unknown.getMessage().contains("secplane-b"),
                unknown.getMessage());
    }

    @Test
    void thePinFileIsSealedOnFirstUseAndAWrongPinIsNamed() throws Exception {
        Path pinFile = state.resolve("pki/token-pin");
        keys.generate("vpn1", KeyType.ECDSA, 256);
        String sealed = Files.readString(pinFile);
        assertTrue(sealed.startsWith("secplane-sealed-pin:1:"), sealed);
        assertFalse(sealed.contains(SoftHsm.PIN_A));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pinFile)));
        reopen(SoftHsm.TOKEN_A, SoftHsm.PIN_A);
        assertTrue(keys.get("vpn1").isPresent());
        keys.signer("vpn1", Algorithm.ECDSA_P256_SHA256).sign(MESSAGE);
        assertEquals(sealed, Files.readString(pinFile), "a sealed PIN stays as it is");

        SoftHsm.pinFile(state.resolve("pki"), "wrong");
        reopen(SoftHsm.TOKEN_A, "wrong");
        PkiStoreException refused = assertThrows(PkiStoreException.class, () -> keys.generate("vpn2", KeyType.RSA, 1024));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
        assertTrue(refused.getMessage().contains("refused the PIN") && refused.getMessage().contains("CKR_PIN_INCORRECT"),
                refused.getMessage());
        IntegrityReport report = keys.verifyIntegrity();
        assertEquals(Problem.TOKEN, report.findings().get(0).problem());

        Files.writeString(pinFile, SoftHsm.PIN_A);
        Files.setPosixFilePermissions(pinFile, PosixFilePermissions.fromString("rw-r--r--"));
        reopen(SoftHsm.TOKEN_A, SoftHsm.PIN_A);
        PkiStoreException open = assertThrows(PkiStoreException.class, () -> keys.generate("vpn2", KeyType.RSA, 1024));
        assertTrue(open.getMessage().contains("accessible by group or others"), open.getMessage());
    }

    @Test
    void clearingRemovesTheKeyFromTheTokenAndAKeyGoneFromTheTokenIsNamed() throws Exception {
        keys.generate("vpn1", KeyType.RSA, 1024);
        keys.generate("vpn2", KeyType.RSA, 1024);
        assertTrue(keys.delete("vpn1"));
        assertFalse(tokenKeyStore(library, SoftHsm.TOKEN_A, SoftHsm.PIN_A).containsAlias("vpn1"));
        tokenKeyStore(library, SoftHsm.TOKEN_A, SoftHsm.PIN_A).deleteEntry("vpn2");
        IntegrityReport report = keys.verifyIntegrity();
        IntegrityFinding finding = report.findings().get(0);
        assertEquals(Problem.TOKEN, finding.problem());
        assertEquals("key-pair vpn2", finding.subject());
        // the provider may still list the label it loaded; then the signature in the token fails
        assertTrue(finding.detail().matches("(its private key is not|the private key of vpn2 is no longer) in pkcs11 token "
                + "\"secplane-a\".*"), finding.detail());
    }

    @Test
    void aTokenKeyWhoseFileWasDeletedIsNamed() throws Exception {
        keys.generate("vpn1", KeyType.ECDSA, 256);
        Files.delete(state.resolve("pki/key-pair/vpn1"));
        IntegrityReport report = keys.verifyIntegrity();
        assertEquals(1, report.findings().size(), report.findings().toString());
        assertEquals(Problem.MISSING, report.findings().get(0).problem());
    }

    @Test
    void sizesTheTokenCannotMakeGetAClearError() throws Exception {
        PkiStoreException refused = assertThrows(PkiStoreException.class, () -> keys.generate("big", KeyType.DSA, 2048));
        assertEquals(Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("cannot generate dsa keys of 2048 bits"), refused.getMessage());
        assertFalse(keys.exists("big"));
    }

    @Test
    void importedKeysBecomeTokenObjects() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        KeyPairInfo info = keys.importKeyPair("loaded", pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
        assertEquals(Backend.PKCS11, info.backend());
        Key key = tokenKeyStore(library, SoftHsm.TOKEN_A, SoftHsm.PIN_A).getKey("loaded", null);
        assertTrue(key.toString().contains("token object, sensitive, unextractable"), key.toString());
        byte[] signature = keys.signer("loaded", Algorithm.RSA_PKCS1_SHA256).sign(MESSAGE);
        assertTrue(registry.verify(Algorithm.RSA_PKCS1_SHA256, pair.getPublic(), MESSAGE, signature));
    }
}
