package org.secplane.ike.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;
import org.secplane.ike.internal.policy.Identity;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.TestCrypto;
import org.secplane.ike.internal.testkit.TestPki;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiStoreException;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.CertificateStore;
import org.secplane.pki.PathValidator;
import org.secplane.pki.internal.path.PathValidationEngine;

/**
 * Certificate authentication as the running product wires it: local certificates from a {@link CertificateStore}
 * and their keys used only through a {@link KeyPairStore} signer ({@link StoreCredentials}), peers validated by the
 * PKI's {@link PathValidator} against the CA profiles {@code trusted-ca} selects ({@link StoreValidator}). The
 * stores are fakes of the pki-api 1.1 and keystore-api contracts (the PKI bundle implements the real ones); the
 * path validator is the real engine.
 */
class PkiStoresTest {

    private static KeyPair rootKeys;
    private static X509Certificate root;
    private static KeyPair subKeys;
    private static X509Certificate sub;
    private static X509Certificate otherRoot;

    @BeforeAll
    static void authorities() throws Exception {
        rootKeys = TestPki.rsa(2048);
        root = TestPki.ca("CN=Interop Root CA, O=Interop Test, C=XX", rootKeys);
        subKeys = TestPki.ec("secp256r1");
        sub = TestPki.issue("CN=Interop Sub CA, O=Interop Test, C=XX", subKeys.getPublic(), "CN=Interop Root CA, O=Interop Test, C=XX",
                rootKeys.getPrivate(), true);
        otherRoot = TestPki.ca("CN=Someone Else, O=Elsewhere", TestPki.ec("secp256r1"));
    }

    /** One device's PKI: CA profiles by name, local certificates and key pairs by certificate-id. */
    static final class Device {
        final FakeCertificates certificates = new FakeCertificates();
        final FakeKeys keys = new FakeKeys();
        final PathValidator validator = new PathValidationEngine();

        LocalCredentials credentials() {
            return new StoreCredentials(() -> certificates, () -> keys);
        }

        PeerCertificateValidator peerValidator() {
            return new StoreValidator(() -> validator, () -> certificates, Instant::now);
        }
    }

    /** A certificate for {@code name} issued by {@code issuerDn}'s key, stored under certificate-id {@code name}. */
    private static X509Certificate enrol(Device d, String name, String address, KeyPair keys, String issuerDn, PrivateKey issuer)
            throws Exception {
        X509Certificate c = TestPki.issue("CN=" + name + ".example.test, O=Interop Test, C=XX", keys.getPublic(), issuerDn, issuer,
                false, new GeneralName(GeneralName.dNSName, name + ".example.test"), new GeneralName(GeneralName.iPAddress, address));
        d.certificates.locals.put(name, c);
        d.keys.keys.put(name, keys.getPrivate());
        return c;
    }

    @Test
    void rsaAndEcdsaPeersAuthenticateThroughTheStoresAndTheIntermediateTravelsInTheChain() throws Exception {
        Device alice = new Device();
        Device bob = new Device();
        // alice: RSA, issued by the root; bob: ECDSA P-256, issued by the intermediate, which only bob has as a CA profile
        X509Certificate aliceCert = enrol(alice, "alice", Peers.ALICE, TestPki.rsa(2048), root.getSubjectX500Principal().getName(),
                rootKeys.getPrivate());
        enrol(bob, "bob", Peers.BOB, TestPki.ec("secp256r1"), sub.getSubjectX500Principal().getName(), subKeys.getPrivate());
        alice.certificates.cas.put("a-root", root);
        alice.certificates.cas.put("b-other", otherRoot);
        bob.certificates.cas.put("root", root);
        bob.certificates.cas.put("sub", sub);

        LocalCredential bobs = bob.credentials().credential("bob");
        assertEquals(List.of(sub), bobs.chain(), "the intermediate up to (not including) the self-signed root");
        assertEquals(List.of(), alice.credentials().credential("alice").chain());
        assertEquals(aliceCert, alice.credentials().credential("alice").certificate());
        assertNull(alice.credentials().credential("nobody"));

        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = new Peers(310, st -> { }, alice.credentials(), alice.peerValidator(), bob.credentials(), bob.peerValidator())) {
            IkePolicy a = CertificateAuthenticationTest.policy(s[0], "rsa", side("alice", aliceCert), Identity.fqdn("bob.example.test"),
                    false);
            IkePolicy b = CertificateAuthenticationTest.policy(s[1], "p256", side("bob", null), Identity.fqdn("alice.example.test"),
                    false);
            p.apply(trusting(a, "0"), trusting(b, "use-all"));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state(), p.alice.authenticationFailures() + " " + p.bob.authenticationFailures());
            assertEquals("UP", p.bobIke().get(0).state());
            assertEquals("ECDSA-signatures-256", p.bobIke().get(0).authenticationMethod());
            assertEquals("RSA-signatures", p.aliceIke().get(0).authenticationMethod());
        }
        assertTrue(alice.keys.signatures > 0 && bob.keys.signatures > 0, "both keys were used through the key store's signer");
    }

    @Test
    void trustedCaSelectsTheAnchorAndAnIndexWithoutACaProfileIsAClearReason() throws Exception {
        Device alice = new Device();
        Device bob = new Device();
        X509Certificate aliceCert = enrol(alice, "alice", Peers.ALICE, TestPki.ec("secp256r1"),
                root.getSubjectX500Principal().getName(), rootKeys.getPrivate());
        X509Certificate bobCert = enrol(bob, "bob", Peers.BOB, TestPki.ec("secp256r1"), root.getSubjectX500Principal().getName(),
                rootKeys.getPrivate());
        alice.certificates.cas.put("root", root);
        bob.certificates.cas.put("a-other", otherRoot);
        bob.certificates.cas.put("b-root", root);

        PeerCertificateValidator v = bob.peerValidator();
        assertTrue(v.validate(List.of(aliceCert), "gw", "1").isValid(), "index 1 = b-root (name order)");
        assertTrue(v.validate(List.of(aliceCert), "gw", "use-all").isValid());
        assertTrue(v.validate(List.of(aliceCert), "gw", null).isValid());
        PeerCertificateValidator.Result other = v.validate(List.of(aliceCert), "gw", "0");
        assertFalse(other.isValid(), "index 0 = a-other, which did not issue it");
        PeerCertificateValidator.Result none = v.validate(List.of(aliceCert), "gw", "7");
        assertFalse(none.isValid());
        assertEquals("trusted-ca 7 of gateway gw names no CA profile with a certificate (there are 2)", none.reason());
        assertEquals(1, v.certificateAuthorityKeyHashes("1").size());
        assertEquals(2, v.certificateAuthorityKeyHashes("use-all").size());

        PeerCertificateValidator withoutPki = new StoreValidator(() -> null, () -> bob.certificates, Instant::now);
        assertEquals("the PKI's path validator is not available", withoutPki.validate(List.of(bobCert), "gw", null).reason());
        assertNull(new StoreCredentials(() -> alice.certificates, () -> null).credential("alice"),
                "no key store, no credential");
    }

    private static CertificateAuthenticationTest.Side side(String name, X509Certificate certificate) {
        return new CertificateAuthenticationTest.Side(name, null, certificate, null, Identity.fqdn(name + ".example.test"));
    }

    private static IkePolicy trusting(IkePolicy p, String trustedCa) {
        var g = p.gateways.values().iterator().next().toBuilder().trustedCa(trustedCa).build();
        return new IkePolicy(List.of(g), List.copyOf(p.vpns.values()), 5);
    }

    /** CA profiles (name order, as the PKI answers) and local certificates. */
    static final class FakeCertificates implements CertificateStore {
        final Map<String, X509Certificate> cas = new TreeMap<>();
        final Map<String, X509Certificate> locals = new ConcurrentHashMap<>();

        @Override
        public List<CaProfileCertificate> caCertificates() {
            List<CaProfileCertificate> out = new ArrayList<>();
            cas.forEach((name, c) -> out.add(CaProfileCertificate.of(name, c)));
            return out;
        }

        @Override
        public Optional<CaProfileCertificate> caCertificate(String caProfile) {
            return Optional.ofNullable(cas.get(caProfile)).map(c -> CaProfileCertificate.of(caProfile, c));
        }

        @Override
        public Optional<X509Certificate> localCertificate(String certificateId) {
            return Optional.ofNullable(locals.get(certificateId));
        }
    }

    /** Private keys that are only ever used through a signer, counting signatures. */
    static final class FakeKeys implements KeyPairStore {
        final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();
        volatile int signatures;

        @Override
        public Signer signer(String certificateId, Algorithm algorithm) throws PkiStoreException {
            PrivateKey key = keys.get(certificateId);
            if (key == null) {
                throw new PkiStoreException(PkiStoreException.Reason.NOT_FOUND, "no key pair " + certificateId);
            }
            Signer signer = TestCrypto.direct().signer(algorithm, key);
            return new Signer() {
                @Override
                public Algorithm algorithm() {
                    return signer.algorithm();
                }

                @Override
                public byte[] sign(byte[] data) {
                    signatures++;
                    return signer.sign(data);
                }
            };
        }

        @Override
        public boolean exists(String certificateId) {
            return keys.containsKey(certificateId);
        }

        @Override
        public KeyPairInfo generate(String certificateId, KeyType type, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyPairInfo importKeyPair(String certificateId, byte[] pkcs8, byte[] publicKeyInfo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KeyPairInfo> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<KeyPairInfo> get(String certificateId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String certificateId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deleteAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyPairInfo.Backend backend() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String backendStatus() {
            throw new UnsupportedOperationException();
        }

        @Override
        public IntegrityReport verifyIntegrity() {
            throw new UnsupportedOperationException();
        }
    }
}
