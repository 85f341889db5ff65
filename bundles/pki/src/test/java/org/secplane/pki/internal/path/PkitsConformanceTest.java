package org.secplane.pki.internal.path;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.ValidationFailure.Reason;

/**
 * NIST PKITS conformance: every end-entity certificate of the PKITS data whose file name starts with
 * {@code Valid} or {@code Invalid} is validated with the default options (any policy, no explicit policy,
 * mapping and anyPolicy allowed — with these defaults every such case gives its named result, see
 * {@link PkitsPolicySettingsTest} for the runs with the other settings the PKITS document prescribes),
 * all PKITS certificates as candidates, the PKITS trust anchor as the one CA profile, and no revocation
 * checking, because revocation (CRL, OCSP) is the next issue.
 *
 * <p>{@link #WAITING_FOR_REVOCATION} lists the cases that are invalid only because of a CRL: they are shown
 * as aborted with the reason, never skipped silently, and
 * {@link #waitingListIsExactlyTheCasesThatFailOnlyBecauseNoCrlIsConsulted()} proves the list is exact. The
 * cases of the revocation sections that are valid run and pass here (no false rejection), but their CRL
 * processing is not exercised until the revocation issue; {@link PkitsTestCrlCheckerTest} runs part of them
 * with a test-only CRL checker.
 */
@DisplayName("NIST PKITS: Valid* and Invalid* end-entity certificates, default settings")
class PkitsConformanceTest {

    /** PKITS section, end-entity certificate (without {@code EE.crt}), and for Invalid the expected reason. */
    static final String CASES = """
            4.1.1    ValidCertificatePathTest1
            4.1.2    InvalidCASignatureTest2                            SIGNATURE
            4.1.3    InvalidEESignatureTest3                            SIGNATURE
            4.1.4    ValidDSASignaturesTest4
            4.1.5    ValidDSAParameterInheritanceTest5
            4.1.6    InvalidDSASignatureTest6                           SIGNATURE
            4.2.1    InvalidCAnotBeforeDateTest1                        NOT_YET_VALID
            4.2.2    InvalidEEnotBeforeDateTest2                        NOT_YET_VALID
            4.2.3    Validpre2000UTCnotBeforeDateTest3
            4.2.4    ValidGeneralizedTimenotBeforeDateTest4
            4.2.5    InvalidCAnotAfterDateTest5                         EXPIRED
            4.2.6    InvalidEEnotAfterDateTest6                         EXPIRED
            4.2.7    Invalidpre2000UTCEEnotAfterDateTest7               EXPIRED
            4.2.8    ValidGeneralizedTimenotAfterDateTest8
            4.3.1    InvalidNameChainingTest1                           ISSUER_NOT_FOUND
            4.3.2    InvalidNameChainingOrderTest2                      ISSUER_NOT_FOUND
            4.3.3    ValidNameChainingWhitespaceTest3
            4.3.4    ValidNameChainingWhitespaceTest4
            4.3.5    ValidNameChainingCapitalizationTest5
            4.3.6    ValidNameUIDsTest6
            4.3.7    ValidRFC3280MandatoryAttributeTypesTest7
            4.3.8    ValidRFC3280OptionalAttributeTypesTest8
            4.3.9    ValidUTF8StringEncodedNamesTest9
            4.3.10   ValidRolloverfromPrintableStringtoUTF8StringTest10
            4.3.11   ValidUTF8StringCaseInsensitiveMatchTest11
            4.4.1    InvalidMissingCRLTest1                             REVOCATION_UNKNOWN
            4.4.2    InvalidRevokedCATest2                              REVOKED
            4.4.3    InvalidRevokedEETest3                              REVOKED
            4.4.4    InvalidBadCRLSignatureTest4                        REVOCATION_UNKNOWN
            4.4.5    InvalidBadCRLIssuerNameTest5                       REVOCATION_UNKNOWN
            4.4.6    InvalidWrongCRLTest6                               REVOCATION_UNKNOWN
            4.4.7    ValidTwoCRLsTest7
            4.4.8    InvalidUnknownCRLEntryExtensionTest8               REVOCATION_UNKNOWN
            4.4.9    InvalidUnknownCRLExtensionTest9                    REVOCATION_UNKNOWN
            4.4.10   InvalidUnknownCRLExtensionTest10                   REVOCATION_UNKNOWN
            4.4.11   InvalidOldCRLnextUpdateTest11                      REVOCATION_UNKNOWN
            4.4.12   Invalidpre2000CRLnextUpdateTest12                  REVOCATION_UNKNOWN
            4.4.13   ValidGeneralizedTimeCRLnextUpdateTest13
            4.4.14   ValidNegativeSerialNumberTest14
            4.4.15   InvalidNegativeSerialNumberTest15                  REVOKED
            4.4.16   ValidLongSerialNumberTest16
            4.4.17   ValidLongSerialNumberTest17
            4.4.18   InvalidLongSerialNumberTest18                      REVOKED
            4.4.19   ValidSeparateCertificateandCRLKeysTest19
            4.4.20   InvalidSeparateCertificateandCRLKeysTest20         REVOKED
            4.4.21   InvalidSeparateCertificateandCRLKeysTest21         REVOCATION_UNKNOWN
            4.5.1    ValidBasicSelfIssuedOldWithNewTest1
            4.5.2    InvalidBasicSelfIssuedOldWithNewTest2              REVOKED
            4.5.3    ValidBasicSelfIssuedNewWithOldTest3
            4.5.4    ValidBasicSelfIssuedNewWithOldTest4
            4.5.5    InvalidBasicSelfIssuedNewWithOldTest5              REVOKED
            4.5.6    ValidBasicSelfIssuedCRLSigningKeyTest6
            4.5.7    InvalidBasicSelfIssuedCRLSigningKeyTest7           REVOKED
            4.5.8    InvalidBasicSelfIssuedCRLSigningKeyTest8           NOT_A_CA
            4.6.1    InvalidMissingbasicConstraintsTest1                NOT_A_CA
            4.6.2    InvalidcAFalseTest2                                NOT_A_CA
            4.6.3    InvalidcAFalseTest3                                NOT_A_CA
            4.6.4    ValidbasicConstraintsNotCriticalTest4
            4.6.5    InvalidpathLenConstraintTest5                      PATH_LENGTH
            4.6.6    InvalidpathLenConstraintTest6                      PATH_LENGTH
            4.6.7    ValidpathLenConstraintTest7
            4.6.8    ValidpathLenConstraintTest8
            4.6.9    InvalidpathLenConstraintTest9                      PATH_LENGTH
            4.6.10   InvalidpathLenConstraintTest10                     PATH_LENGTH
            4.6.11   InvalidpathLenConstraintTest11                     PATH_LENGTH
            4.6.12   InvalidpathLenConstraintTest12                     PATH_LENGTH
            4.6.13   ValidpathLenConstraintTest13
            4.6.14   ValidpathLenConstraintTest14
            4.6.15   ValidSelfIssuedpathLenConstraintTest15
            4.6.16   InvalidSelfIssuedpathLenConstraintTest16           PATH_LENGTH
            4.6.17   ValidSelfIssuedpathLenConstraintTest17
            4.7.1    InvalidkeyUsageCriticalkeyCertSignFalseTest1       KEY_USAGE
            4.7.2    InvalidkeyUsageNotCriticalkeyCertSignFalseTest2    KEY_USAGE
            4.7.3    ValidkeyUsageNotCriticalTest3
            4.7.4    InvalidkeyUsageCriticalcRLSignFalseTest4           REVOCATION_UNKNOWN
            4.7.5    InvalidkeyUsageNotCriticalcRLSignFalseTest5        REVOCATION_UNKNOWN
            4.9.1    ValidrequireExplicitPolicyTest1
            4.9.2    ValidrequireExplicitPolicyTest2
            4.9.3    InvalidrequireExplicitPolicyTest3                  POLICY
            4.9.4    ValidrequireExplicitPolicyTest4
            4.9.5    InvalidrequireExplicitPolicyTest5                  POLICY
            4.9.6    ValidSelfIssuedrequireExplicitPolicyTest6
            4.9.7    InvalidSelfIssuedrequireExplicitPolicyTest7        POLICY
            4.9.8    InvalidSelfIssuedrequireExplicitPolicyTest8        POLICY
            4.10.1   ValidPolicyMappingTest1
            4.10.2   InvalidPolicyMappingTest2                          POLICY
            4.10.3   ValidPolicyMappingTest3
            4.10.4   InvalidPolicyMappingTest4                          POLICY
            4.10.5   ValidPolicyMappingTest5
            4.10.6   ValidPolicyMappingTest6
            4.10.7   InvalidMappingFromanyPolicyTest7                   POLICY
            4.10.8   InvalidMappingToanyPolicyTest8                     POLICY
            4.10.9   ValidPolicyMappingTest9
            4.10.10  InvalidPolicyMappingTest10                         POLICY
            4.10.11  ValidPolicyMappingTest11
            4.10.12  ValidPolicyMappingTest12
            4.10.13  ValidPolicyMappingTest13
            4.10.14  ValidPolicyMappingTest14
            4.11.1   InvalidinhibitPolicyMappingTest1                   POLICY
            4.11.2   ValidinhibitPolicyMappingTest2
            4.11.3   InvalidinhibitPolicyMappingTest3                   POLICY
            4.11.4   ValidinhibitPolicyMappingTest4
            4.11.5   InvalidinhibitPolicyMappingTest5                   POLICY
            4.11.6   InvalidinhibitPolicyMappingTest6                   POLICY
            4.11.7   ValidSelfIssuedinhibitPolicyMappingTest7
            4.11.8   InvalidSelfIssuedinhibitPolicyMappingTest8         POLICY
            4.11.9   InvalidSelfIssuedinhibitPolicyMappingTest9         POLICY
            4.11.10  InvalidSelfIssuedinhibitPolicyMappingTest10        POLICY
            4.11.11  InvalidSelfIssuedinhibitPolicyMappingTest11        POLICY
            4.12.1   InvalidinhibitAnyPolicyTest1                       POLICY
            4.12.2   ValidinhibitAnyPolicyTest2
            4.12.4   InvalidinhibitAnyPolicyTest4                       POLICY
            4.12.5   InvalidinhibitAnyPolicyTest5                       POLICY
            4.12.6   InvalidinhibitAnyPolicyTest6                       POLICY
            4.12.7   ValidSelfIssuedinhibitAnyPolicyTest7
            4.12.8   InvalidSelfIssuedinhibitAnyPolicyTest8             POLICY
            4.12.9   ValidSelfIssuedinhibitAnyPolicyTest9
            4.12.10  InvalidSelfIssuedinhibitAnyPolicyTest10            POLICY
            4.13.1   ValidDNnameConstraintsTest1
            4.13.2   InvalidDNnameConstraintsTest2                      NAME_CONSTRAINTS
            4.13.3   InvalidDNnameConstraintsTest3                      NAME_CONSTRAINTS
            4.13.4   ValidDNnameConstraintsTest4
            4.13.5   ValidDNnameConstraintsTest5
            4.13.6   ValidDNnameConstraintsTest6
            4.13.7   InvalidDNnameConstraintsTest7                      NAME_CONSTRAINTS
            4.13.8   InvalidDNnameConstraintsTest8                      NAME_CONSTRAINTS
            4.13.9   InvalidDNnameConstraintsTest9                      NAME_CONSTRAINTS
            4.13.10  InvalidDNnameConstraintsTest10                     NAME_CONSTRAINTS
            4.13.11  ValidDNnameConstraintsTest11
            4.13.12  InvalidDNnameConstraintsTest12                     NAME_CONSTRAINTS
            4.13.13  InvalidDNnameConstraintsTest13                     NAME_CONSTRAINTS
            4.13.14  ValidDNnameConstraintsTest14
            4.13.15  InvalidDNnameConstraintsTest15                     NAME_CONSTRAINTS
            4.13.16  InvalidDNnameConstraintsTest16                     NAME_CONSTRAINTS
            4.13.17  InvalidDNnameConstraintsTest17                     NAME_CONSTRAINTS
            4.13.18  ValidDNnameConstraintsTest18
            4.13.19  ValidDNnameConstraintsTest19
            4.13.20  InvalidDNnameConstraintsTest20                     NAME_CONSTRAINTS
            4.13.21  ValidRFC822nameConstraintsTest21
            4.13.22  InvalidRFC822nameConstraintsTest22                 NAME_CONSTRAINTS
            4.13.23  ValidRFC822nameConstraintsTest23
            4.13.24  InvalidRFC822nameConstraintsTest24                 NAME_CONSTRAINTS
            4.13.25  ValidRFC822nameConstraintsTest25
            4.13.26  InvalidRFC822nameConstraintsTest26                 NAME_CONSTRAINTS
            4.13.27  ValidDNandRFC822nameConstraintsTest27
            4.13.28  InvalidDNandRFC822nameConstraintsTest28            NAME_CONSTRAINTS
            4.13.29  InvalidDNandRFC822nameConstraintsTest29            NAME_CONSTRAINTS
            4.13.30  ValidDNSnameConstraintsTest30
            4.13.31  InvalidDNSnameConstraintsTest31                    NAME_CONSTRAINTS
            4.13.32  ValidDNSnameConstraintsTest32
            4.13.33  InvalidDNSnameConstraintsTest33                    NAME_CONSTRAINTS
            4.13.34  ValidURInameConstraintsTest34
            4.13.35  InvalidURInameConstraintsTest35                    NAME_CONSTRAINTS
            4.13.36  ValidURInameConstraintsTest36
            4.13.37  InvalidURInameConstraintsTest37                    NAME_CONSTRAINTS
            4.13.38  InvalidDNSnameConstraintsTest38                    NAME_CONSTRAINTS
            4.14.1   ValiddistributionPointTest1
            4.14.2   InvaliddistributionPointTest2                      REVOKED
            4.14.3   InvaliddistributionPointTest3                      REVOCATION_UNKNOWN
            4.14.4   ValiddistributionPointTest4
            4.14.5   ValiddistributionPointTest5
            4.14.6   InvaliddistributionPointTest6                      REVOKED
            4.14.7   ValiddistributionPointTest7
            4.14.8   InvaliddistributionPointTest8                      REVOCATION_UNKNOWN
            4.14.9   InvaliddistributionPointTest9                      REVOCATION_UNKNOWN
            4.14.10  ValidNoissuingDistributionPointTest10
            4.14.11  InvalidonlyContainsUserCertsTest11                 REVOCATION_UNKNOWN
            4.14.12  InvalidonlyContainsCACertsTest12                   REVOCATION_UNKNOWN
            4.14.13  ValidonlyContainsCACertsTest13
            4.14.14  InvalidonlyContainsAttributeCertsTest14            REVOCATION_UNKNOWN
            4.14.15  InvalidonlySomeReasonsTest15                       REVOKED
            4.14.16  InvalidonlySomeReasonsTest16                       REVOKED
            4.14.17  InvalidonlySomeReasonsTest17                       REVOCATION_UNKNOWN
            4.14.18  ValidonlySomeReasonsTest18
            4.14.19  ValidonlySomeReasonsTest19
            4.14.20  InvalidonlySomeReasonsTest20                       REVOKED
            4.14.21  InvalidonlySomeReasonsTest21                       REVOKED
            4.14.22  ValidIDPwithindirectCRLTest22
            4.14.23  InvalidIDPwithindirectCRLTest23                    REVOKED
            4.14.24  ValidIDPwithindirectCRLTest24
            4.14.25  ValidIDPwithindirectCRLTest25
            4.14.26  InvalidIDPwithindirectCRLTest26                    REVOCATION_UNKNOWN
            4.14.27  InvalidcRLIssuerTest27                             REVOCATION_UNKNOWN
            4.14.28  ValidcRLIssuerTest28
            4.14.29  ValidcRLIssuerTest29
            4.14.30  ValidcRLIssuerTest30
            4.14.31  InvalidcRLIssuerTest31                             REVOKED
            4.14.32  InvalidcRLIssuerTest32                             REVOKED
            4.14.33  ValidcRLIssuerTest33
            4.14.34  InvalidcRLIssuerTest34                             REVOKED
            4.14.35  InvalidcRLIssuerTest35                             REVOCATION_UNKNOWN
            4.15.1   InvaliddeltaCRLIndicatorNoBaseTest1                REVOCATION_UNKNOWN
            4.15.2   ValiddeltaCRLTest2
            4.15.3   InvaliddeltaCRLTest3                               REVOKED
            4.15.4   InvaliddeltaCRLTest4                               REVOKED
            4.15.5   ValiddeltaCRLTest5
            4.15.6   InvaliddeltaCRLTest6                               REVOKED
            4.15.7   ValiddeltaCRLTest7
            4.15.8   ValiddeltaCRLTest8
            4.15.9   InvaliddeltaCRLTest9                               REVOKED
            4.15.10  InvaliddeltaCRLTest10                              REVOCATION_UNKNOWN
            4.16.1   ValidUnknownNotCriticalCertificateExtensionTest1
            4.16.2   InvalidUnknownCriticalCertificateExtensionTest2    UNKNOWN_CRITICAL_EXTENSION
            """;

    /** The PKITS cases that are invalid only because of their CRLs, with what the CRL says (PKITS document). */
    static final Map<String, String> WAITING_FOR_REVOCATION = Map.ofEntries(
            entry("InvalidMissingCRLTest1", "4.4.1 no CRL is available for the issuing CA"),
            entry("InvalidRevokedCATest2", "4.4.2 the intermediate CA is revoked on the trust anchor's CRL"),
            entry("InvalidRevokedEETest3", "4.4.3 the end entity is revoked"),
            entry("InvalidBadCRLSignatureTest4", "4.4.4 the only CRL has a bad signature"),
            entry("InvalidBadCRLIssuerNameTest5", "4.4.5 the only CRL names another issuer"),
            entry("InvalidWrongCRLTest6", "4.4.6 no CRL of the CA is available, the one offered is another CA's"),
            entry("InvalidUnknownCRLEntryExtensionTest8", "4.4.8 the CRL entry has an unknown critical extension"),
            entry("InvalidUnknownCRLExtensionTest9", "4.4.9 the CRL has an unknown critical extension"),
            entry("InvalidUnknownCRLExtensionTest10", "4.4.10 the CRL has an unknown critical extension"),
            entry("InvalidOldCRLnextUpdateTest11", "4.4.11 the only CRL is past its nextUpdate"),
            entry("Invalidpre2000CRLnextUpdateTest12", "4.4.12 the only CRL is past its (pre-2000) nextUpdate"),
            entry("InvalidNegativeSerialNumberTest15", "4.4.15 the end entity (negative serial number) is revoked"),
            entry("InvalidLongSerialNumberTest18", "4.4.18 the end entity (20-octet serial number) is revoked"),
            entry("InvalidSeparateCertificateandCRLKeysTest20", "4.4.20 revoked on a CRL signed with a separate CRL key"),
            entry("InvalidSeparateCertificateandCRLKeysTest21", "4.4.21 the CRL signing certificate is itself revoked"),
            entry("InvalidBasicSelfIssuedOldWithNewTest2", "4.5.2 revoked on the CRL signed with the CA's new key"),
            entry("InvalidBasicSelfIssuedNewWithOldTest5", "4.5.5 revoked on the CRL signed with the CA's old key"),
            entry("InvalidBasicSelfIssuedCRLSigningKeyTest7", "4.5.7 revoked on the CRL of the self-issued CRL signing key"),
            entry("InvalidkeyUsageCriticalcRLSignFalseTest4", "4.7.4 the CA's key usage (critical) lacks cRLSign, so its CRL is unusable"),
            entry("InvalidkeyUsageNotCriticalcRLSignFalseTest5", "4.7.5 the CA's key usage lacks cRLSign, so its CRL is unusable"),
            entry("InvaliddistributionPointTest2", "4.14.2 revoked on the CRL of its distribution point"),
            entry("InvaliddistributionPointTest3", "4.14.3 the CRL's issuing distribution point does not cover the certificate"),
            entry("InvaliddistributionPointTest6", "4.14.6 revoked on the CRL named by the CRL issuer's distinguished name"),
            entry("InvaliddistributionPointTest8", "4.14.8 the CRL's issuing distribution point does not cover the certificate"),
            entry("InvaliddistributionPointTest9", "4.14.9 the CRL's issuing distribution point does not cover the certificate"),
            entry("InvalidonlyContainsUserCertsTest11", "4.14.11 the only CRL is scoped by onlyContainsUserCerts and does not cover the certificate"),
            entry("InvalidonlyContainsCACertsTest12", "4.14.12 the only CRL is scoped by onlyContainsCACerts and does not cover the certificate"),
            entry("InvalidonlyContainsAttributeCertsTest14", "4.14.14 the only CRL is scoped by onlyContainsAttributeCerts"),
            entry("InvalidonlySomeReasonsTest15", "4.14.15 revoked on a CRL partitioned by reasons (onlySomeReasons)"),
            entry("InvalidonlySomeReasonsTest16", "4.14.16 revoked on a CRL partitioned by reasons (onlySomeReasons)"),
            entry("InvalidonlySomeReasonsTest17", "4.14.17 the CRLs partitioned by reasons do not cover all reasons"),
            entry("InvalidonlySomeReasonsTest20", "4.14.20 revoked on a CRL partitioned by reasons (onlySomeReasons)"),
            entry("InvalidonlySomeReasonsTest21", "4.14.21 revoked on a CRL partitioned by reasons (onlySomeReasons)"),
            entry("InvalidIDPwithindirectCRLTest23", "4.14.23 revoked on the indirect CRL"),
            entry("InvalidIDPwithindirectCRLTest26", "4.14.26 the indirect CRL does not cover the certificate"),
            entry("InvalidcRLIssuerTest27", "4.14.27 no CRL from the cRLIssuer named in the distribution point"),
            entry("InvalidcRLIssuerTest31", "4.14.31 revoked on the indirect CRL of the cRLIssuer"),
            entry("InvalidcRLIssuerTest32", "4.14.32 revoked on the indirect CRL of the cRLIssuer"),
            entry("InvalidcRLIssuerTest34", "4.14.34 revoked on the indirect CRL of the cRLIssuer"),
            entry("InvalidcRLIssuerTest35", "4.14.35 the cRLIssuer's CRL does not cover the certificate"),
            entry("InvaliddeltaCRLIndicatorNoBaseTest1", "4.15.1 only a delta CRL, no complete CRL"),
            entry("InvaliddeltaCRLTest3", "4.15.3 revoked on the complete CRL"),
            entry("InvaliddeltaCRLTest4", "4.15.4 revoked according to the complete and delta CRLs"),
            entry("InvaliddeltaCRLTest6", "4.15.6 revoked according to the complete and delta CRLs"),
            entry("InvaliddeltaCRLTest9", "4.15.9 revoked according to the complete and delta CRLs"),
            entry("InvaliddeltaCRLTest10", "4.15.10 the complete CRL is past its nextUpdate"));

    /** The sections whose cases depend on revocation: 4.4, 4.14, 4.15, and the CRL ones of 4.5 and 4.7. */
    static boolean revocationSection(String section) {
        return section.startsWith("4.4.") || section.startsWith("4.14.") || section.startsWith("4.15.")
                || Set.of("4.5.2", "4.5.5", "4.5.6", "4.5.7", "4.7.4", "4.7.5").contains(section);
    }

    record Case(String section, String name, Reason expectedReason) {
        boolean expectedValid() {
            return name.startsWith("Valid");
        }

        @Override
        public String toString() {
            return section + " " + name + (expectedValid() ? " (valid" : " (invalid: " + expectedReason)
                    + (revocationSection(section) && expectedValid() ? ", CRL aspect not checked)" : ")");
        }
    }

    static Stream<Case> cases() {
        return CASES.strip().lines().map(String::trim).map(line -> {
            String[] fields = line.split("\\s+");
            return new Case(fields[0], fields[1], fields.length > 2 ? Reason.valueOf(fields[2]) : null);
        });
    }

    private static final PathValidationEngine ENGINE = new PathValidationEngine();
    private static final Map<String, PathValidationResult> RESULTS = new ConcurrentHashMap<>();

    static PathValidationResult run(Case c) {
        return RESULTS.computeIfAbsent(c.name(), name -> Pkits.load().validate(ENGINE, name,
                PathValidationOptions.defaults(), RevocationChecker.DISABLED));
    }

    @AfterAll
    static void summary() {
        long passed = cases().filter(c -> !WAITING_FOR_REVOCATION.containsKey(c.name()))
                .filter(c -> run(c).isValid() == c.expectedValid()).count();
        System.out.println("PKITS Valid*/Invalid*: " + cases().count() + " cases, " + passed + " pass, "
                + WAITING_FOR_REVOCATION.size() + " wait for the revocation issue: "
                + new TreeSet<>(WAITING_FOR_REVOCATION.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pkitsCaseGivesItsNamedResult(Case c) {
        String waiting = WAITING_FOR_REVOCATION.get(c.name());
        assumeFalse(waiting != null, () -> "waiting for the revocation issue (no CRL is consulted yet): " + waiting);
        PathValidationResult result = run(c);
        assertEquals(c.expectedValid(), result.isValid(), () -> c + ": " + result);
        if (!c.expectedValid()) {
            assertEquals(c.expectedReason(), result.failure().orElseThrow().reason(), () -> c + ": " + result);
            assertTrue(result.failure().orElseThrow().certificate().isPresent(), "the failure names a certificate");
        } else {
            assertEquals(Pkits.PROFILE, result.caProfile().orElseThrow());
            assertEquals(Pkits.load().certificate(c.name() + "EE"), result.path().get(0));
            assertEquals(Pkits.load().anchor.certificate(), result.path().get(result.path().size() - 1));
        }
    }

    @Test
    void everyValidAndInvalidCertificateOfThePkitsDataIsACase() {
        Set<String> inData = Pkits.load().certificates.keySet().stream()
                .filter(n -> n.startsWith("Valid") || n.startsWith("Invalid"))
                .map(n -> n.substring(0, n.length() - "EE".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTable = cases().map(Case::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(inData, inTable);
        assertEquals(203, inTable.size());
    }

    @Test
    void waitingListIsExactlyTheCasesThatFailOnlyBecauseNoCrlIsConsulted() {
        Set<String> wrong = new TreeSet<>();
        cases().forEach(c -> {
            if (run(c).isValid() != c.expectedValid()) {
                wrong.add(c.name());
            }
        });
        assertEquals(new TreeSet<>(WAITING_FOR_REVOCATION.keySet()), wrong);
        cases().filter(c -> WAITING_FOR_REVOCATION.containsKey(c.name())).forEach(c -> {
            assertTrue(revocationSection(c.section()), c + " is outside the revocation sections");
            assertTrue(!c.expectedValid() && Set.of(Reason.REVOKED, Reason.REVOCATION_UNKNOWN).contains(c.expectedReason()),
                    c + " must be an Invalid case expected to fail on revocation");
            assertTrue(WAITING_FOR_REVOCATION.get(c.name()).startsWith(c.section() + " "), c + ": reason names its section");
        });
    }
}
