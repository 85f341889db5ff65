package org.secplane.pki.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secplane.pki.internal.path.TestCerts.EE_USAGE;
import static org.secplane.pki.internal.path.TestCerts.NOW;
import static org.secplane.pki.internal.path.TestCerts.entity;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationOptions.Purpose;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.RevocationQuery;
import org.secplane.pki.RevocationStatus;
import org.secplane.pki.ValidationFailure;
import org.secplane.pki.ValidationFailure.Reason;
import org.secplane.pki.internal.path.TestCerts.Entity;
import org.secplane.pki.internal.path.TestCerts.KeyType;

class PathValidationEngineTest {

    private final PathValidationEngine engine = new PathValidationEngine();

    // one small PKI shared by many tests: Root-CA -> Eng-CA -> Dev-CA -> Host-A, Root-CA -> Sales-CA -> Host-B
    // (the hierarchy of the Junos guide's chain example, pki.md §4.11)
    static final Entity ROOT = entity("C=US, O=Example, CN=Root-CA", 0);
    static final Entity ENG = entity("C=US, O=Example, OU=Engineering, CN=Eng-CA", 1);
    static final Entity DEV = entity("C=US, O=Example, OU=Development, CN=Dev-CA", 2);
    static final Entity SALES = entity("C=US, O=Example, OU=Sales, CN=Sales-CA", 3);
    static final Entity HOST_A = entity("C=US, O=Example, CN=Host-A", 4);
    static final Entity HOST_B = entity("C=US, O=Example, CN=Host-B", 5);
    static final X509Certificate ROOT_CERT = ROOT.selfSigned().build();
    static final X509Certificate ENG_CERT = ROOT.issue(ENG).ca(null).build();
    static final X509Certificate DEV_CERT = ENG.issue(DEV).ca(null).build();
    static final X509Certificate SALES_CERT = ROOT.issue(SALES).ca(null).build();
    static final X509Certificate HOST_A_CERT = DEV.issue(HOST_A).keyUsage(EE_USAGE).build();
    static final X509Certificate HOST_B_CERT = SALES.issue(HOST_B).keyUsage(EE_USAGE).build();

    static PathValidationRequest.Builder request(X509Certificate target) {
        return PathValidationRequest.builder(target).at(NOW);
    }

    static PathValidationResult assertValid(PathValidationResult result) {
        assertTrue(result.isValid(), () -> "expected valid: " + result);
        return result;
    }

    static ValidationFailure assertInvalid(PathValidationResult result, Reason reason, X509Certificate at) {
        assertFalse(result.isValid(), () -> "expected " + reason + " but valid");
        ValidationFailure failure = result.failure().orElseThrow();
        assertEquals(reason, failure.reason(), failure::message);
        if (at != null) {
            assertEquals(at, failure.certificate().orElseThrow(), failure::message);
        }
        return failure;
    }

    @Nested
    @DisplayName("chain length: at most 10 certificates from the end entity through the CA profile's")
    class ChainLength {

        /** A chain of {@code length} certificates: a root, length - 2 intermediates, an end entity. */
        List<X509Certificate> chain(int length) {
            List<Entity> entities = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                entities.add(entity("C=US, O=Chain, CN=" + (i == 0 ? "Root" : i == length - 1 ? "EE" : "CA " + i), i));
            }
            List<X509Certificate> certs = new ArrayList<>();
            certs.add(entities.get(0).selfSigned().build());
            for (int i = 1; i < length; i++) {
                TestCerts.Spec spec = entities.get(i - 1).issue(entities.get(i));
                certs.add(i == length - 1 ? spec.keyUsage(EE_USAGE).build() : spec.ca(null).build());
            }
            Collections.reverse(certs); // end entity first
            return certs;
        }

        PathValidationResult validate(List<X509Certificate> chain, PathValidationOptions options) {
            List<X509Certificate> peer = new ArrayList<>(chain.subList(1, chain.size() - 1));
            Collections.shuffle(peer, new java.util.Random(7)); // a peer may send them in any order
            return engine.validate(request(chain.get(0)).untrusted(peer)
                    .trusted("Root", chain.get(chain.size() - 1)).options(options).build());
        }

        @ParameterizedTest(name = "a chain of {0} certificates is valid")
        @ValueSource(ints = {2, 3, 5, 9, 10})
        void chainsUpToTenCertificatesAreValid(int length) {
            List<X509Certificate> chain = chain(length);
            PathValidationResult result = assertValid(validate(chain, PathValidationOptions.defaults()));
            assertEquals(chain, result.path());
            assertEquals("Root", result.caProfile().orElseThrow());
        }

        @Test
        void aChainOfElevenCertificatesFailsNamingTheLengthAndTheLimit() {
            List<X509Certificate> chain = chain(11);
            ValidationFailure failure = assertInvalid(validate(chain, PathValidationOptions.defaults()),
                    Reason.CHAIN_TOO_LONG, chain.get(0));
            assertEquals("the certificate chain of certificate \"C = US, O = Chain, CN = EE\" through CA certificate"
                    + " Root (\"C = US, O = Chain, CN = Root\") has 11 certificates, more than the maximum of 10",
                    failure.message());
        }

        @Test
        void aChainOfTwelveFailsAsTooLongRatherThanAsIssuerNotFound() {
            List<X509Certificate> chain = chain(12);
            ValidationFailure failure = assertInvalid(validate(chain, PathValidationOptions.defaults()),
                    Reason.CHAIN_TOO_LONG, chain.get(0));
            assertTrue(failure.message().contains("within the maximum of 10 certificates"), failure.message());
        }

        @Test
        void theMaximumIsAnOption() {
            List<X509Certificate> chain = chain(4);
            assertInvalid(validate(chain, PathValidationOptions.builder().maxChainLength(3).build()),
                    Reason.CHAIN_TOO_LONG, chain.get(0));
            assertValid(validate(chain, PathValidationOptions.builder().maxChainLength(4).build()));
        }
    }

    @Nested
    @DisplayName("trust anchors: any configured CA profile's certificate, not only self-signed roots")
    class Anchors {

        @Test
        void trustAnchoredAtAnIntermediateCaProfileNeedsNoRoot() {
            PathValidationResult result = assertValid(engine.validate(request(HOST_A_CERT)
                    .untrusted(DEV_CERT).trusted("Eng-CA", ENG_CERT).build()));
            assertEquals(List.of(HOST_A_CERT, DEV_CERT, ENG_CERT), result.path());
            assertEquals("Eng-CA", result.caProfile().orElseThrow());
        }

        @Test
        void thePathStopsAtTheNearestCaProfile() {
            // Host-A holds CA profiles for Root-CA, Eng-CA and Dev-CA (pki.md L765-L767)
            PathValidationResult result = assertValid(engine.validate(request(HOST_A_CERT)
                    .untrusted(DEV_CERT, ENG_CERT, ROOT_CERT)
                    .trusted("Root-CA", ROOT_CERT).trusted("Eng-CA", ENG_CERT).trusted("Dev-CA", DEV_CERT).build()));
            assertEquals(List.of(HOST_A_CERT, DEV_CERT), result.path());
            assertEquals("Dev-CA", result.caProfile().orElseThrow());
        }

        @Test
        void aPeerOfAnotherBranchIsAnchoredAtTheCommonRoot() {
            // Host-B sends its certificate and Sales-CA's; Host-A trusts Root-CA, Eng-CA, Dev-CA
            PathValidationResult result = assertValid(engine.validate(request(HOST_B_CERT).untrusted(SALES_CERT)
                    .trusted("Root-CA", ROOT_CERT).trusted("Eng-CA", ENG_CERT).trusted("Dev-CA", DEV_CERT).build()));
            assertEquals(List.of(HOST_B_CERT, SALES_CERT, ROOT_CERT), result.path());
            assertEquals("Root-CA", result.caProfile().orElseThrow());
        }

        @Test
        void aPeerSuppliedCaCertificateIsNeverATrustAnchor() {
            ValidationFailure failure = assertInvalid(engine.validate(request(HOST_B_CERT)
                    .untrusted(SALES_CERT, ROOT_CERT).trusted("Dev-CA", DEV_CERT).build()),
                    Reason.UNTRUSTED_ROOT, ROOT_CERT);
            assertTrue(failure.message().endsWith("ends at self-signed certificate \"C = US, O = Example, CN = Root-CA\""
                    + " and is not the CA certificate of a configured CA profile"), failure.message());
        }

        @Test
        void aMissingIntermediateIsNamed() {
            ValidationFailure failure = assertInvalid(engine.validate(request(HOST_A_CERT)
                    .trusted("Root-CA", ROOT_CERT).build()), Reason.ISSUER_NOT_FOUND, HOST_A_CERT);
            assertEquals("the issuer \"C = US, O = Example, OU = Development, CN = Dev-CA\" of certificate"
                    + " \"C = US, O = Example, CN = Host-A\" is neither the CA certificate of a configured CA profile"
                    + " nor among the other certificates supplied", failure.message());
        }

        @Test
        void aSelfSignedCaProfileCertificateVerifiesOnItsOwn() {
            // request security pki ca-certificate verify ca-profile Root-CA
            PathValidationResult result = assertValid(engine.validate(request(ROOT_CERT).trusted("Root-CA", ROOT_CERT)
                    .options(PathValidationOptions.builder().purpose(Purpose.CA).build()).build()));
            assertEquals(List.of(ROOT_CERT), result.path());
        }

        @Test
        void aRenewedRootWithTheSameKeyIsTrustedAsTheCaProfileItRenews() {
            X509Certificate renewed = ROOT.selfSigned().validity(NOW.minus(Duration.ofDays(1)),
                    NOW.plus(Duration.ofDays(3650))).build();
            PathValidationResult result = assertValid(engine.validate(request(HOST_B_CERT)
                    .untrusted(SALES_CERT, renewed).trusted("Root-CA", ROOT_CERT).build()));
            assertEquals(List.of(HOST_B_CERT, SALES_CERT, ROOT_CERT), result.path());
            assertValid(engine.validate(request(renewed).trusted("Root-CA", ROOT_CERT)
                    .options(PathValidationOptions.builder().purpose(Purpose.CA).build()).build()));
        }

        @Test
        void anIntermediateCaProfileCertificateVerifiesAgainstTheProfileAboveIt() {
            PathValidationResult result = assertValid(engine.validate(request(ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).trusted("Eng-CA", ENG_CERT)
                    .options(PathValidationOptions.builder().purpose(Purpose.CA).build()).build()));
            assertEquals(List.of(ENG_CERT, ROOT_CERT), result.path());
            assertEquals("Root-CA", result.caProfile().orElseThrow());
        }

        @Test
        void anExpiredCaProfileCertificateIsNamedByItsProfile() {
            X509Certificate expiredEng = ROOT.issue(ENG).ca(null)
                    .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))).build();
            ValidationFailure failure = assertInvalid(engine.validate(request(HOST_A_CERT).untrusted(DEV_CERT)
                    .trusted("Eng-CA", expiredEng).build()), Reason.EXPIRED, expiredEng);
            assertTrue(failure.message().startsWith("CA certificate Eng-CA (\"C = US, O = Example, OU = Engineering,"
                    + " CN = Eng-CA\") has expired (not after "), failure.message());
        }

        @Test
        void anAnchorsPathLengthConstraintApplies() {
            X509Certificate engNoSubCa = ROOT.issue(ENG).ca(0).build();
            assertInvalid(engine.validate(request(HOST_A_CERT).untrusted(DEV_CERT).trusted("Eng-CA", engNoSubCa)
                    .build()), Reason.PATH_LENGTH, DEV_CERT);
        }
    }

    @Nested
    @DisplayName("cross-certification between two CA domains")
    class CrossCertification {
        final Entity rootA = entity("C=US, O=Domain A, CN=Root A", 10);
        final Entity rootB = entity("C=US, O=Domain B, CN=Root B", 11);
        final Entity caB = entity("C=US, O=Domain B, CN=Issuing CA B", 12);
        final Entity userB = entity("C=US, O=Domain B, CN=gateway-b.example.net", 13);
        final Entity userA = entity("C=US, O=Domain A, CN=gateway-a.example.net", 14);
        final X509Certificate rootACert = rootA.selfSigned().build();
        final X509Certificate rootBCert = rootB.selfSigned().build();
        final X509Certificate crossAB = rootA.issue(rootB).ca(null).build(); // A certifies B
        final X509Certificate crossBA = rootB.issue(rootA).ca(null).build(); // B certifies A
        final X509Certificate caBCert = rootB.issue(caB).ca(null).build();
        final X509Certificate userBCert = caB.issue(userB).keyUsage(EE_USAGE).build();
        final X509Certificate userACert = rootA.issue(userA).keyUsage(EE_USAGE).build();

        @Test
        void domainBPeerValidatesInDomainAThroughTheCrossCertificate() {
            // the peer sends its whole domain-B chain including its own root; the cross-certificate is loaded locally
            PathValidationResult result = assertValid(engine.validate(request(userBCert)
                    .untrusted(caBCert, rootBCert, crossAB, crossBA).trusted("Root-A", rootACert).build()));
            assertEquals(List.of(userBCert, caBCert, crossAB, rootACert), result.path());
            assertEquals("Root-A", result.caProfile().orElseThrow());
        }

        @Test
        void domainAPeerValidatesInDomainBThroughTheOtherCrossCertificate() {
            PathValidationResult result = assertValid(engine.validate(request(userACert)
                    .untrusted(rootACert, crossAB, crossBA).trusted("Root-B", rootBCert).build()));
            assertEquals(List.of(userACert, crossBA, rootBCert), result.path());
        }

        @Test
        void withoutTheCrossCertificateTheOtherDomainIsUntrusted() {
            assertInvalid(engine.validate(request(userBCert).untrusted(caBCert, rootBCert)
                    .trusted("Root-A", rootACert).build()), Reason.UNTRUSTED_ROOT, rootBCert);
        }

        @Test
        void mutualCrossCertificatesWithoutAnyTrustedCaTerminate() {
            ValidationFailure failure = assertInvalid(engine.validate(request(userBCert).untrusted(caBCert, rootBCert,
                    crossAB, crossBA, rootACert).trusted("Unrelated", ROOT_CERT).build()), Reason.UNTRUSTED_ROOT, null);
            assertTrue(failure.message().contains("back to certificates already in it"), failure.message());
        }
    }

    @Nested
    @DisplayName("several candidate issuers: backtracking")
    class Backtracking {

        @Test
        void aSameNamedIssuerWithAnotherKeyIsSkippedForTheRightOne() {
            Entity impostor = new Entity("C=US, O=Example, OU=Development, CN=Dev-CA", TestCerts.rsa(6),
                    KeyType.RSA_2048);
            // newer, valid, same name, but its key did not sign Host-A; no key identifiers to tell them apart
            X509Certificate wrongDev = ENG.issue(impostor).ca(null).withoutKeyIdentifiers()
                    .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(900))).build();
            PathValidationResult result = assertValid(engine.validate(request(HOST_A_CERT)
                    .untrusted(wrongDev, DEV_CERT, ENG_CERT).trusted("Root-CA", ROOT_CERT).build()));
            assertEquals(List.of(HOST_A_CERT, DEV_CERT, ENG_CERT, ROOT_CERT), result.path());
        }

        @Test
        void anExpiredCandidateIsPassedOverForARenewedOneOfTheSameKey() {
            X509Certificate oldDev = ENG.issue(DEV).ca(null)
                    .validity(NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(100))).build();
            PathValidationResult result = assertValid(engine.validate(request(HOST_A_CERT)
                    .untrusted(oldDev, DEV_CERT, ENG_CERT).trusted("Root-CA", ROOT_CERT).build()));
            assertEquals(DEV_CERT, result.path().get(1));
        }

        @Test
        void whenEveryCandidateFailsTheFailureOfACompletePathIsReported() {
            X509Certificate expiredDev = ENG.issue(DEV).ca(null)
                    .validity(NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(100))).build();
            assertInvalid(engine.validate(request(HOST_A_CERT).untrusted(expiredDev, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build()), Reason.EXPIRED, expiredDev);
        }

        @Test
        void manySameNamedDecoysStopTheSearchWithAClearReason() {
            List<X509Certificate> decoys = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Entity decoy = new Entity("C=US, O=Example, OU=Development, CN=Dev-CA", TestCerts.rsa(6 + i % 3),
                        KeyType.RSA_2048);
                decoys.add(ROOT.issue(decoy).ca(null).withoutKeyIdentifiers().build(ROOT.keys.getPrivate()));
            }
            X509Certificate target = DEV.issue(HOST_A).keyUsage(EE_USAGE).withoutKeyIdentifiers().build();
            PathValidationResult result = engine.validate(request(target).untrusted(decoys)
                    .trusted("Root-CA", ROOT_CERT).build());
            ValidationFailure failure = assertInvalid(result, Reason.SEARCH_LIMIT, target);
            assertTrue(failure.message().contains("stopped after 32 candidate paths"), failure.message());
        }

        @Test
        void theRightIssuerAmongManyDecoysIsTriedFirstByItsKeyIdentifier() {
            List<X509Certificate> candidates = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Entity decoy = new Entity("C=US, O=Example, OU=Development, CN=Dev-CA", TestCerts.rsa(6 + i % 3),
                        KeyType.RSA_2048);
                candidates.add(ENG.issue(decoy).ca(null).build());
            }
            candidates.add(DEV_CERT);
            candidates.add(ENG_CERT);
            List<RevocationQuery> asked = new ArrayList<>();
            PathValidationResult result = assertValid(engine.validate(request(HOST_A_CERT).untrusted(candidates)
                    .trusted("Root-CA", ROOT_CERT).revocationChecker(q -> {
                        asked.add(q);
                        return RevocationStatus.good("test");
                    }).build()));
            assertEquals(List.of(HOST_A_CERT, DEV_CERT, ENG_CERT, ROOT_CERT), result.path());
        }
    }

    @Nested
    @DisplayName("validity periods")
    class Validity {

        static Stream<Arguments> cases() {
            Instant past = NOW.minus(Duration.ofDays(400));
            Instant future = NOW.plus(Duration.ofDays(400));
            return Stream.of(
                    Arguments.of("an expired end entity", "EE", past, NOW.minusSeconds(1), Reason.EXPIRED),
                    Arguments.of("an end entity not yet valid", "EE", NOW.plusSeconds(1), future, Reason.NOT_YET_VALID),
                    Arguments.of("an expired CA", "CA", past, NOW.minusSeconds(1), Reason.EXPIRED),
                    Arguments.of("a CA not yet valid", "CA", NOW.plusSeconds(1), future, Reason.NOT_YET_VALID),
                    Arguments.of("an end entity valid from this very second", "EE", NOW, future, null),
                    Arguments.of("an end entity valid up to this very second", "EE", past, NOW, null));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void validityPeriodsAreCheckedAtTheValidationTime(String what, String which, Instant from, Instant to,
                Reason expected) {
            X509Certificate dev = which.equals("CA") ? ENG.issue(DEV).ca(null).validity(from, to).build() : DEV_CERT;
            X509Certificate host = which.equals("EE") ? DEV.issue(HOST_A).keyUsage(EE_USAGE).validity(from, to).build()
                    : HOST_A_CERT;
            PathValidationResult result = engine.validate(request(host).untrusted(dev, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build());
            if (expected == null) {
                assertValid(result);
            } else {
                ValidationFailure failure = assertInvalid(result, expected, which.equals("CA") ? dev : host);
                assertTrue(failure.message().contains(expected == Reason.EXPIRED ? "has expired (not after "
                        : "is not yet valid (not before "), failure.message());
            }
        }

        @Test
        void datesInMessagesArePrintedAsJunosPrintsThem() {
            assertEquals("05- 3-2012 07:15 UTC", Names.date(Instant.parse("2012-05-03T07:15:42Z")));
            assertEquals("11-22-2007 22:54 UTC", Names.date(Instant.parse("2007-11-22T22:54:00Z")));
        }
    }

    @Nested
    @DisplayName("basic constraints and path length")
    class BasicConstraints {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("an intermediate without basic constraints", (Function<TestCerts.Spec, TestCerts.Spec>)
                            s -> s.noBasicConstraints(), Reason.NOT_A_CA),
                    Arguments.of("an intermediate with cA false", (Function<TestCerts.Spec, TestCerts.Spec>)
                            s -> s.notCa(), Reason.NOT_A_CA),
                    Arguments.of("an intermediate without keyCertSign", (Function<TestCerts.Spec, TestCerts.Spec>)
                            s -> s.keyUsage(KeyUsage.cRLSign | KeyUsage.digitalSignature), Reason.KEY_USAGE),
                    Arguments.of("an intermediate without key usage extension", (Function<TestCerts.Spec, TestCerts.Spec>)
                            s -> s.keyUsage(null), null));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void anIntermediateMustBeACaAllowedToSignCertificates(String what,
                Function<TestCerts.Spec, TestCerts.Spec> change, Reason expected) {
            X509Certificate dev = change.apply(ENG.issue(DEV).ca(null)).build();
            PathValidationResult result = engine.validate(request(HOST_A_CERT).untrusted(dev, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build());
            if (expected == null) {
                assertValid(result);
            } else {
                assertInvalid(result, expected, dev);
            }
        }

        @ParameterizedTest(name = "Eng-CA pathLenConstraint {0}: {1}")
        @MethodSource("pathLengths")
        void pathLengthConstraintsCountTheCasBelow(int pathLen, boolean valid) {
            X509Certificate eng = ROOT.issue(ENG).ca(pathLen).build();
            PathValidationResult result = engine.validate(request(HOST_A_CERT).untrusted(DEV_CERT, eng)
                    .trusted("Root-CA", ROOT_CERT).build());
            if (valid) {
                assertValid(result);
            } else {
                assertInvalid(result, Reason.PATH_LENGTH, DEV_CERT);
            }
        }

        static Stream<Arguments> pathLengths() {
            return Stream.of(Arguments.of(0, false), Arguments.of(1, true), Arguments.of(5, true));
        }

        @Test
        void aSelfIssuedRolloverCertificateDoesNotCountTowardsThePathLength() {
            Entity newDev = new Entity("C=US, O=Example, OU=Development, CN=Dev-CA", TestCerts.rsa(7), KeyType.RSA_2048);
            X509Certificate eng = ROOT.issue(ENG).ca(1).build();
            X509Certificate newWithOld = DEV.issue(newDev).ca(null).build(); // new Dev key certified by the old one
            X509Certificate host = newDev.issue(HOST_A).keyUsage(EE_USAGE).build();
            PathValidationResult result = assertValid(engine.validate(request(host)
                    .untrusted(newWithOld, DEV_CERT, eng).trusted("Root-CA", ROOT_CERT).build()));
            assertEquals(List.of(host, newWithOld, DEV_CERT, eng, ROOT_CERT), result.path());
        }
    }

    @Nested
    @DisplayName("key usage of the end entity for IKE")
    class EndEntityKeyUsage {

        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("digital signature", KeyUsage.digitalSignature, null, false, Purpose.IKE, true),
                    Arguments.of("non-repudiation only", KeyUsage.nonRepudiation, null, false, Purpose.IKE, true),
                    Arguments.of("no key usage extension", null, null, false, Purpose.IKE, true),
                    Arguments.of("key encipherment only", KeyUsage.keyEncipherment, null, false, Purpose.IKE, false),
                    Arguments.of("key encipherment only, purpose any", KeyUsage.keyEncipherment, null, false, Purpose.ANY, true),
                    Arguments.of("critical EKU ipsecIKE", KeyUsage.digitalSignature, KeyPurposeId.id_kp_ipsecIKE, true, Purpose.IKE, true),
                    Arguments.of("critical EKU serverAuth", KeyUsage.digitalSignature, KeyPurposeId.id_kp_serverAuth, true, Purpose.IKE, true),
                    Arguments.of("critical EKU emailProtection", KeyUsage.digitalSignature, KeyPurposeId.id_kp_emailProtection, true, Purpose.IKE, false),
                    Arguments.of("non-critical EKU emailProtection", KeyUsage.digitalSignature, KeyPurposeId.id_kp_emailProtection, false, Purpose.IKE, true),
                    Arguments.of("an end-entity certificate validated as a CA", KeyUsage.digitalSignature, null, false, Purpose.CA, false));
        }

        @ParameterizedTest(name = "{0}: valid {5}")
        @MethodSource("cases")
        void theEndEntityKeyUsageMustAllowTheUse(String what, Integer keyUsage, KeyPurposeId eku, boolean ekuCritical,
                Purpose purpose, boolean valid) {
            TestCerts.Spec spec = DEV.issue(HOST_A).keyUsage(keyUsage);
            if (eku != null) {
                spec.eku(ekuCritical, eku);
            }
            X509Certificate host = spec.build();
            PathValidationResult result = engine.validate(request(host).untrusted(DEV_CERT, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).options(PathValidationOptions.builder().purpose(purpose).build())
                    .build());
            if (valid) {
                assertValid(result);
            } else {
                assertInvalid(result, purpose == Purpose.CA ? Reason.NOT_A_CA : Reason.KEY_USAGE, host);
            }
        }
    }

    @Nested
    @DisplayName("signature algorithms")
    class Algorithms {

        @ParameterizedTest(name = "a {0} chain made with Bouncy Castle is valid")
        @EnumSource(KeyType.class)
        void chainsOfEachKeyTypeAreValid(KeyType type) {
            Entity root = entity("C=US, O=Algorithms, CN=" + type + " Root", type);
            Entity ca = entity("C=US, O=Algorithms, CN=" + type + " CA", type);
            Entity ee = entity("C=US, O=Algorithms, CN=" + type + " gateway", type);
            X509Certificate rootCert = root.selfSigned().build();
            X509Certificate caCert = root.issue(ca).ca(null).build();
            X509Certificate eeCert = ca.issue(ee).keyUsage(KeyUsage.digitalSignature).build();
            assertValid(engine.validate(request(eeCert).untrusted(caCert).trusted("root", rootCert).build()));
        }

        @Test
        void aMixedChainIsValid() {
            Entity root = entity("C=US, O=Mixed, CN=RSA Root", 0);
            Entity ca = entity("C=US, O=Mixed, CN=P-384 CA", KeyType.EC_P384);
            Entity ee = entity("C=US, O=Mixed, CN=P-256 gateway", KeyType.EC_P256);
            X509Certificate caCert = root.issue(ca).ca(null).build();
            X509Certificate eeCert = ca.issue(ee).keyUsage(KeyUsage.digitalSignature).build();
            assertValid(engine.validate(request(eeCert).untrusted(caCert).trusted("root", root.selfSigned().build())
                    .build()));
        }

        @Test
        void aTamperedSignatureFailsNamingTheCertificateAndItsSigner() {
            X509Certificate tampered = TestCerts.tamperSignature(HOST_A_CERT);
            ValidationFailure failure = assertInvalid(engine.validate(request(tampered).untrusted(DEV_CERT, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build()), Reason.SIGNATURE, tampered);
            assertEquals("signature verification of certificate \"C = US, O = Example, CN = Host-A\" with the key of"
                    + " certificate \"C = US, O = Example, OU = Development, CN = Dev-CA\" failed", failure.message());
        }

        @Test
        void aCertificateSignedByAnotherKeyUnderTheIssuersNameFails() {
            X509Certificate forged = DEV.issue(HOST_A).keyUsage(EE_USAGE).withoutKeyIdentifiers()
                    .build(TestCerts.rsa(9).getPrivate());
            assertInvalid(engine.validate(request(forged).untrusted(DEV_CERT, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build()), Reason.SIGNATURE, forged);
        }

        @Test
        void md5SignaturesAreRefused() {
            X509Certificate md5 = DEV.issue(HOST_A).keyUsage(EE_USAGE).signature("MD5withRSA").build();
            ValidationFailure failure = assertInvalid(engine.validate(request(md5).untrusted(DEV_CERT, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build()), Reason.SIGNATURE, md5);
            assertTrue(failure.message().contains("md5WithRSAEncryption, which is not accepted"), failure.message());
        }
    }

    @Nested
    @DisplayName("extensions")
    class Extensions {
        final ASN1ObjectIdentifier privateOid = new ASN1ObjectIdentifier("1.3.6.1.4.1.2636.99.1");

        @ParameterizedTest(name = "an unknown critical extension in the {0} fails the path")
        @ValueSource(strings = {"end entity", "intermediate"})
        void unknownCriticalExtensionsAreRejected(String where) {
            X509Certificate dev = where.equals("intermediate")
                    ? ENG.issue(DEV).ca(null).extension(privateOid, true, new DEROctetString(new byte[] {1})).build()
                    : DEV_CERT;
            X509Certificate host = where.equals("end entity")
                    ? DEV.issue(HOST_A).keyUsage(EE_USAGE).extension(privateOid, true, new DEROctetString(new byte[] {1})).build()
                    : HOST_A_CERT;
            ValidationFailure failure = assertInvalid(engine.validate(request(host).untrusted(dev, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build()), Reason.UNKNOWN_CRITICAL_EXTENSION,
                    where.equals("intermediate") ? dev : host);
            assertTrue(failure.message().endsWith("has an unrecognised critical extension 1.3.6.1.4.1.2636.99.1"));
        }

        @Test
        void unknownNonCriticalExtensionsAreIgnored() {
            X509Certificate host = DEV.issue(HOST_A).keyUsage(EE_USAGE)
                    .extension(privateOid, false, new DEROctetString(new byte[] {1})).build();
            assertValid(engine.validate(request(host).untrusted(DEV_CERT, ENG_CERT).trusted("Root-CA", ROOT_CERT).build()));
        }

        @ParameterizedTest(name = "name constraint {0}, end entity {1}: valid {2}")
        @MethodSource("nameConstraintCases")
        void nameConstraintsOfACaBindTheNamesBelowIt(String constraint, GeneralName name, boolean valid) {
            GeneralSubtree subtree = new GeneralSubtree(constraintName(constraint));
            NameConstraints constraints = constraint.startsWith("excluded ")
                    ? new NameConstraints(null, new GeneralSubtree[] {subtree})
                    : new NameConstraints(new GeneralSubtree[] {subtree}, null);
            X509Certificate dev = ENG.issue(DEV).ca(null).extension(Extension.nameConstraints, true, constraints).build();
            X509Certificate host = DEV.issue(HOST_A).keyUsage(EE_USAGE)
                    .extension(Extension.subjectAlternativeName, false, new GeneralNames(name)).build();
            PathValidationResult result = engine.validate(request(host).untrusted(dev, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build());
            if (valid) {
                assertValid(result);
            } else {
                assertInvalid(result, Reason.NAME_CONSTRAINTS, host);
            }
        }

        private GeneralName constraintName(String constraint) {
            String value = constraint.replace("excluded ", "").replace("permitted ", "");
            String[] kv = value.split(":", 2);
            switch (kv[0]) {
                case "ip":
                    String[] parts = kv[1].split("/");
                    byte[] address = ipv4(parts[0]);
                    int bits = Integer.parseInt(parts[1]);
                    byte[] both = new byte[8];
                    System.arraycopy(address, 0, both, 0, 4);
                    for (int i = 0; i < 4; i++) {
                        int b = Math.max(0, Math.min(8, bits - 8 * i));
                        both[4 + i] = (byte) (0xff << (8 - b));
                    }
                    return new GeneralName(GeneralName.iPAddress, new DEROctetString(both));
                case "dns":
                    return new GeneralName(GeneralName.dNSName, kv[1]);
                default:
                    return new GeneralName(GeneralName.rfc822Name, kv[1]);
            }
        }

        static byte[] ipv4(String dotted) {
            String[] parts = dotted.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                out[i] = (byte) Integer.parseInt(parts[i]);
            }
            return out;
        }

        static Stream<Arguments> nameConstraintCases() {
            return Stream.of(
                    Arguments.of("permitted ip:10.1.0.0/16", new GeneralName(GeneralName.iPAddress, new DEROctetString(ipv4("10.1.2.3"))), true),
                    Arguments.of("permitted ip:10.1.0.0/16", new GeneralName(GeneralName.iPAddress, new DEROctetString(ipv4("10.2.2.3"))), false),
                    Arguments.of("excluded ip:192.0.2.0/24", new GeneralName(GeneralName.iPAddress, new DEROctetString(ipv4("192.0.2.9"))), false),
                    Arguments.of("permitted dns:vpn.example.net", new GeneralName(GeneralName.dNSName, "gw1.vpn.example.net"), true),
                    Arguments.of("permitted dns:vpn.example.net", new GeneralName(GeneralName.dNSName, "gw1.novpn.example.net"), false),
                    Arguments.of("excluded email:example.org", new GeneralName(GeneralName.rfc822Name, "ike@example.org"), false),
                    Arguments.of("excluded email:example.org", new GeneralName(GeneralName.rfc822Name, "ike@example.net"), true));
        }
    }

    @Nested
    @DisplayName("the revocation hook")
    class Revocation {
        final List<RevocationQuery> asked = new ArrayList<>();

        RevocationChecker answering(Function<RevocationQuery, RevocationStatus> answer) {
            return query -> {
                asked.add(query);
                return answer.apply(query);
            };
        }

        PathValidationResult validate(RevocationChecker checker, PathValidationOptions options) {
            return engine.validate(request(HOST_A_CERT).untrusted(DEV_CERT, ENG_CERT).trusted("Root-CA", ROOT_CERT)
                    .options(options).revocationChecker(checker).build());
        }

        @Test
        void isAskedForEachCertificateWithItsIssuerFromTheTopDown() {
            PathValidationResult result = assertValid(validate(answering(q -> RevocationStatus.good("CRL")),
                    PathValidationOptions.defaults()));
            assertEquals(List.of(ENG_CERT, DEV_CERT, HOST_A_CERT), asked.stream().map(RevocationQuery::certificate).toList());
            assertEquals(List.of(ROOT_CERT, ENG_CERT, DEV_CERT), asked.stream().map(RevocationQuery::issuer).toList());
            assertEquals(List.of(2, 1, 0), asked.stream().map(RevocationQuery::depth).toList());
            assertTrue(asked.stream().allMatch(q -> q.caProfile().equals("Root-CA") && q.time().equals(NOW)));
            assertEquals(3, result.revocation().size());
            assertTrue(result.revocation().stream().allMatch(s -> s.state() == RevocationStatus.State.GOOD));
        }

        @Test
        void aRevokedEndEntityFailsNamingItsSerialReasonAndDate() {
            Instant date = Instant.parse("2024-05-02T08:30:00Z");
            ValidationFailure failure = assertInvalid(validate(answering(q -> q.depth() == 0
                    ? RevocationStatus.revoked("keyCompromise", date) : RevocationStatus.good("CRL")),
                    PathValidationOptions.defaults()), Reason.REVOKED, HOST_A_CERT);
            assertEquals("certificate \"C = US, O = Example, CN = Host-A\" (serial "
                    + HOST_A_CERT.getSerialNumber().toString(16) + ") is revoked: keyCompromise on 05- 2-2024 08:30 UTC",
                    failure.message());
        }

        @Test
        void aRevokedCaStopsTheChecksBelowIt() {
            assertInvalid(validate(answering(q -> q.depth() == 2
                    ? RevocationStatus.revoked("cACompromise", NOW) : RevocationStatus.good("CRL")),
                    PathValidationOptions.defaults()), Reason.REVOKED, ENG_CERT);
            assertEquals(1, asked.size());
        }

        @Test
        void anUnknownStatusFailsUnlessTheOptionsAcceptIt() {
            RevocationChecker unknown = answering(q -> RevocationStatus.unknown("CRL download from http://ca.example.net/dev.crl failed"));
            ValidationFailure failure = assertInvalid(validate(unknown, PathValidationOptions.defaults()),
                    Reason.REVOCATION_UNKNOWN, ENG_CERT);
            assertTrue(failure.message().endsWith("is unknown: CRL download from http://ca.example.net/dev.crl failed"));
            PathValidationResult accepted = assertValid(validate(unknown,
                    PathValidationOptions.builder().unknownRevocationAccepted(true).build()));
            assertTrue(accepted.revocation().stream().allMatch(s -> s.state() == RevocationStatus.State.UNKNOWN));
        }

        @Test
        void aCheckerThatThrowsGivesAnUnknownStatus() {
            assertInvalid(validate(answering(q -> {
                throw new IllegalStateException("LDAP server unreachable");
            }), PathValidationOptions.defaults()), Reason.REVOCATION_UNKNOWN, ENG_CERT);
        }

        @Test
        void theRevocationCheckIsNotAskedForAPathThatFailsOtherwise() {
            X509Certificate expired = DEV.issue(HOST_A).keyUsage(EE_USAGE)
                    .validity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))).build();
            engine.validate(request(expired).untrusted(DEV_CERT, ENG_CERT).trusted("Root-CA", ROOT_CERT)
                    .revocationChecker(answering(q -> RevocationStatus.good("CRL"))).build());
            assertTrue(asked.isEmpty());
        }

        @Test
        void withoutACheckerNothingIsCheckedAndTheResultSaysSo() {
            PathValidationResult result = assertValid(engine.validate(request(HOST_A_CERT)
                    .untrusted(DEV_CERT, ENG_CERT).trusted("Root-CA", ROOT_CERT).build()));
            assertEquals(Set.of(RevocationStatus.State.NOT_CHECKED),
                    Set.copyOf(result.revocation().stream().map(RevocationStatus::state).toList()));
        }

        @Test
        void theDefaultCheckerOfTheValidatorServesRequestsWithoutOne() {
            PathValidationEngine withDefault = new PathValidationEngine(
                    () -> answering(q -> RevocationStatus.revoked("superseded", NOW)));
            assertInvalid(withDefault.validate(request(HOST_A_CERT).untrusted(DEV_CERT, ENG_CERT)
                    .trusted("Root-CA", ROOT_CERT).build()), Reason.REVOKED, ENG_CERT);
        }
    }

    @Test
    void validationIsThreadSafe() {
        List<PathValidationResult> results = IntStream.range(0, 32).parallel()
                .mapToObj(i -> engine.validate(request(HOST_B_CERT).untrusted(SALES_CERT)
                        .trusted(CaProfileCertificate.of("Root-CA", ROOT_CERT)).build()))
                .toList();
        assertTrue(results.stream().allMatch(PathValidationResult::isValid));
    }

    @Test
    void aSelfSignedEndEntityThatIsNoCaProfileIsUntrusted() {
        Entity lone = entity("C=US, CN=self-signed peer", 8);
        X509Certificate cert = lone.selfSigned().keyUsage(KeyUsage.digitalSignature).notCa().build();
        ValidationFailure failure = assertInvalid(engine.validate(request(cert).trusted("Root-CA", ROOT_CERT).build()),
                Reason.UNTRUSTED_ROOT, cert);
        assertEquals("certificate \"C = US, CN = self-signed peer\" is self-signed and is not the CA certificate of a"
                + " configured CA profile", failure.message());
    }

}
