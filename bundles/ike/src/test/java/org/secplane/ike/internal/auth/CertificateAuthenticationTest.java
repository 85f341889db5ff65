package org.secplane.ike.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.ike.internal.engine.ChildSaInfo;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.AuthMethod;
import org.secplane.ike.internal.policy.Identity;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.TestPki;
import org.secplane.ike.internal.testkit.Wire;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.internal.path.PathValidationEngine;

/**
 * Certificate authentication: RSA (PKCS#1 v1.5 and PSS) and ECDSA P-256/P-384 certificates, RFC 7427 and the
 * legacy methods, CERT/CERTREQ payloads, the identities ID_FQDN, ID_IPV4_ADDR, ID_RFC822_ADDR and
 * ID_DER_ASN1_DN matched against the certificate and {@code remote-identity}; peer chains validated by the
 * PKI bundle's path validator.
 */
class CertificateAuthenticationTest {

    private static KeyPair caKeys;
    private static X509Certificate ca;
    private static KeyPair otherCaKeys;
    private static X509Certificate otherCa;

    @BeforeAll
    static void authority() throws Exception {
        caKeys = TestPki.ec("secp256r1");
        ca = TestPki.ca("CN=Interop Test CA, O=Interop Test, C=XX", caKeys);
        otherCaKeys = TestPki.ec("secp256r1");
        otherCa = TestPki.ca("CN=Someone Else CA, O=Elsewhere", otherCaKeys);
    }

    /** One side's certificate, key and identity. */
    record Side(String name, String address, X509Certificate certificate, LocalCredential credential, Identity identity) {
    }

    static Side side(String name, String address, String keyType, boolean pss, String idType) throws Exception {
        KeyPair k = switch (keyType) {
            case "rsa" -> TestPki.rsa(2048);
            case "p384" -> TestPki.ec("secp384r1");
            default -> TestPki.ec("secp256r1");
        };
        String dn = "CN=" + name + ".example.test, O=Interop Test, C=XX";
        X509Certificate cert = TestPki.issue(dn, k.getPublic(), "CN=Interop Test CA, O=Interop Test, C=XX", caKeys.getPrivate(),
                false, new GeneralName(GeneralName.dNSName, name + ".example.test"), new GeneralName(GeneralName.iPAddress, address),
                new GeneralName(GeneralName.rfc822Name, name + "@example.test"));
        Identity id = switch (idType) {
            case "fqdn" -> Identity.fqdn(name + ".example.test");
            case "ipv4" -> Identity.address(InetAddress.getByName(address));
            case "rfc822" -> Identity.email(name + "@example.test");
            default -> Identity.dn(dn);
        };
        return new Side(name, address, cert, TestPki.credential(cert, k.getPrivate(), List.of(), pss), id);
    }

    static AuthMethod method(String keyType) {
        return switch (keyType) {
            case "rsa" -> AuthMethod.RSA_SIGNATURES;
            case "p384" -> AuthMethod.ECDSA_SIGNATURES_384;
            default -> AuthMethod.ECDSA_SIGNATURES_256;
        };
    }

    static PeerCertificateValidator validator(X509Certificate anchor) {
        return new PkiPeerValidator(new PathValidationEngine(), trustedCa -> List.of(CaProfileCertificate.of("ca1", anchor)),
                Instant::now);
    }

    static IkePolicy policy(IkePolicy base, String keyType, Side self, Identity remote, boolean localIdDn) {
        PeerConfig g = base.gateways.values().iterator().next().toBuilder()
                .authMethod(method(keyType))
                .preSharedKey(null)
                .localCertificate(self.name())
                .localIdentity(localIdDn ? Identity.localCertificateDn() : self.identity())
                .remoteIdentity(remote)
                .build();
        return new IkePolicy(List.of(g), List.copyOf(base.vpns.values()), 5);
    }

    static Peers peers(long seed, Side a, Side b, java.util.function.Consumer<org.secplane.ike.internal.sa.SaHost.Settings> tune,
            X509Certificate aliceTrusts, X509Certificate bobTrusts) {
        return new Peers(seed, tune, id -> id.equals(a.name()) ? a.credential() : null, validator(aliceTrusts),
                id -> id.equals(b.name()) ? b.credential() : null, validator(bobTrusts));
    }

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        String[][] keys = {{"rsa", "false"}, {"rsa", "true"}, {"p256", "false"}, {"p384", "false"}};
        String[] ids = {"fqdn", "ipv4", "rfc822", "dn"};
        for (String[] k : keys) {
            for (String id : ids) {
                out.add(Arguments.of(k[0], Boolean.parseBoolean(k[1]), id, true));
            }
            out.add(Arguments.of(k[0], Boolean.parseBoolean(k[1]), "fqdn", false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} pss={1} id={2} rfc7427={3}")
    @MethodSource("combinations")
    void certificatesAuthenticateBothWays(String keyType, boolean pss, String idType, boolean rfc7427) throws Exception {
        Side a = side("alice", Peers.ALICE, keyType, pss, idType);
        Side b = side("bob", Peers.BOB, keyType, pss, idType);
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = peers(200, a, b, st -> {
            if (!rfc7427) {
                st.signatureHashes = new int[0];
            }
        }, ca, ca)) {
            p.apply(policy(s[0], keyType, a, b.identity(), idType.equals("dn")), policy(s[1], keyType, b, a.identity(),
                    idType.equals("dn")));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state(), String.valueOf(p.alice.authenticationFailures()) + p.bob.authenticationFailures());
            assertEquals("UP", p.bobIke().get(0).state());
            assertEquals(method(keyType).display(), p.aliceIke().get(0).authenticationMethod());
            assertEquals(b.identity().text.toLowerCase(), p.aliceIke().get(0).peerIkeId().toLowerCase().replace(", ", ","));
            List<ChildSaInfo> children = p.aliceChildren();
            assertEquals(1, children.size());
            // CERTREQ in the IKE_SA_INIT response (clear): the SHA-1 of the CA's public key
            Wire.Packet initResponse = p.wire.sent.get(1);
            var m = org.secplane.ike.internal.message.MessageCodec.decode(initResponse.data, 0, initResponse.data.length);
            var req = (org.secplane.ike.internal.message.CertPayload) m.first(Ike.CERTREQ);
            assertEquals(20, req.data.length);
            assertEquals(rfc7427, m.notify(Ike.SIGNATURE_HASH_ALGORITHMS) != null);
        }
    }

    @Test
    void aCertificateFromAnUntrustedCaIsRejectedWithTheValidatorsReason() throws Exception {
        Side a = side("alice", Peers.ALICE, "p256", false, "fqdn");
        Side b = side("bob", Peers.BOB, "p256", false, "fqdn");
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = peers(201, a, b, st -> { }, ca, otherCa)) {
            p.apply(policy(s[0], "p256", a, null, false), policy(s[1], "p256", b, null, false));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.bobIke().isEmpty());
            String reason = p.bob.authenticationFailures().get("gw-alice").reason();
            assertTrue(reason.startsWith("peer certificate") && reason.contains("rejected"), reason);
            assertTrue(p.alice.authenticationFailures().get("gw-bob").reason().contains("AUTHENTICATION_FAILED"));
        }
    }

    @Test
    void anIdentityTheCertificateDoesNotHoldIsRejected() throws Exception {
        Side a = side("alice", Peers.ALICE, "p256", false, "fqdn");
        Side b = side("bob", Peers.BOB, "p256", false, "fqdn");
        Side liar = new Side(a.name(), a.address(), a.certificate(), a.credential(), Identity.fqdn("mallory.example.test"));
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = peers(202, a, b, st -> { }, ca, ca)) {
            p.apply(policy(s[0], "p256", liar, null, false), policy(s[1], "p256", b, null, false));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.bobIke().isEmpty());
            String reason = p.bob.authenticationFailures().get("gw-alice").reason();
            assertTrue(reason.contains("mallory.example.test is not in its certificate"), reason);
        }
    }

    @Test
    void aRemoteIdentityTheCertifiedPeerDoesNotHaveIsRejected() throws Exception {
        Side a = side("alice", Peers.ALICE, "rsa", false, "dn");
        Side b = side("bob", Peers.BOB, "rsa", false, "dn");
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = peers(203, a, b, st -> { }, ca, ca)) {
            p.apply(policy(s[0], "rsa", a, Identity.dn("CN=carol.example.test, O=Interop Test, C=XX"), true),
                    policy(s[1], "rsa", b, null, true));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.alice.authenticationFailures().get("gw-bob").reason().contains("remote-identity"));
        }
    }

    @Test
    void aDistinguishedNamePatternMatchesByContainerAndWildcard() throws Exception {
        Side a = side("alice", Peers.ALICE, "p256", false, "dn");
        Side b = side("bob", Peers.BOB, "p256", false, "dn");
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = peers(204, a, b, st -> { }, ca, ca)) {
            p.apply(policy(s[0], "p256", a, Identity.dnPattern("O=Interop Test, C=XX", "CN=*"), true),
                    policy(s[1], "p256", b, Identity.dnPattern(null, "O=Interop Test"), true));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state(), String.valueOf(p.alice.authenticationFailures()));
        }
    }

    @Test
    void certificateSizedIkeAuthMessagesAreFragmented() throws Exception {
        KeyPair interKeys = TestPki.rsa(4096);
        X509Certificate inter = TestPki.issue("CN=Intermediate, O=Interop Test", interKeys.getPublic(),
                "CN=Interop Test CA, O=Interop Test, C=XX", caKeys.getPrivate(), true);
        Side[] sides = new Side[2];
        String[] names = {"alice", "bob"};
        String[] addresses = {Peers.ALICE, Peers.BOB};
        for (int i = 0; i < 2; i++) {
            KeyPair k = TestPki.rsa(4096);
            X509Certificate cert = TestPki.issue("CN=" + names[i] + ".example.test", k.getPublic(), "CN=Intermediate, O=Interop Test",
                    interKeys.getPrivate(), false, new GeneralName(GeneralName.dNSName, names[i] + ".example.test"));
            sides[i] = new Side(names[i], addresses[i], cert, TestPki.credential(cert, k.getPrivate(), List.of(inter), false),
                    Identity.fqdn(names[i] + ".example.test"));
        }
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = peers(205, sides[0], sides[1], st -> { }, ca, ca)) {
            p.apply(policy(s[0], "rsa", sides[0], sides[1].identity(), false), policy(s[1], "rsa", sides[1], sides[0].identity(),
                    false));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            long fragments = p.wire.sent.stream().filter(x -> x.exchange() == Ike.IKE_AUTH && !x.response()).count();
            assertTrue(fragments >= 3, fragments + " fragments");
            assertTrue(p.wire.sent.stream().allMatch(x -> x.data.length <= 1280 - 28));
            assertEquals("UP", p.aliceIke().get(0).state(), String.valueOf(p.bob.authenticationFailures()));
            assertEquals("UP", p.bobIke().get(0).state());
        }
    }
}
