package org.secplane.pki.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.secplane.pki.internal.path.Pkits.NIST_POLICY_1;
import static org.secplane.pki.internal.path.Pkits.NIST_POLICY_2;
import static org.secplane.pki.internal.path.Pkits.NIST_POLICY_3;
import static org.secplane.pki.internal.path.Pkits.NIST_POLICY_6;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.ValidationFailure.Reason;

/**
 * The PKITS policy cases (document sections 4.8 onward) run with each setting the PKITS document
 * prescribes: the initial policy set, initial-explicit-policy, initial-policy-mapping-inhibit and
 * initial-any-policy-inhibit. Each row is case, setting, expected result (and, when valid, the
 * user-constrained policy set), and why. With the default setting every Valid and Invalid case gives its
 * named result ({@link PkitsConformanceTest}); the rows below are the other settings of those cases, and
 * the 4.8 cases (and 4.12.3) whose file names start with neither Valid nor Invalid because their result
 * depends on the setting.
 */
@DisplayName("NIST PKITS: policy cases with the settings of the PKITS document")
class PkitsPolicySettingsTest {

    private static final String ANY = PathValidationOptions.ANY_POLICY;
    private static final String P1 = NIST_POLICY_1;
    private static final String P2 = NIST_POLICY_2;
    private static final String P3 = NIST_POLICY_3;
    private static final String P6 = NIST_POLICY_6;

    /** A setting: initial policy set plus flags. */
    record Setting(Set<String> policies, boolean explicit, boolean inhibitMapping, boolean inhibitAny) {
        PathValidationOptions options() {
            return PathValidationOptions.builder().initialPolicies(policies).explicitPolicyRequired(explicit)
                    .policyMappingInhibited(inhibitMapping).anyPolicyInhibited(inhibitAny).build();
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            parts.add("initial-policy-set " + (policies.equals(Set.of(ANY)) ? "any-policy"
                    : policies.stream().sorted().map(PkitsPolicySettingsTest::nistName).toList()));
            if (explicit) {
                parts.add("initial-explicit-policy");
            }
            if (inhibitMapping) {
                parts.add("initial-policy-mapping-inhibit");
            }
            if (inhibitAny) {
                parts.add("initial-any-policy-inhibit");
            }
            return String.join(", ", parts);
        }
    }

    record Row(String section, String name, Setting setting, boolean valid, Set<String> policies, String why) {
        @Override
        public String toString() {
            return section + " " + name + " with " + setting + " -> " + (valid ? "valid " + policies.stream()
                    .sorted().map(PkitsPolicySettingsTest::nistName).toList() : "invalid") + " (" + why + ")";
        }
    }

    static String nistName(String oid) {
        return oid.equals(ANY) ? "anyPolicy" : oid.startsWith("2.16.840.1.101.3.2.1.48.")
                ? "NIST-test-policy-" + oid.substring(oid.lastIndexOf('.') + 1) : oid;
    }

    static Setting any() {
        return new Setting(Set.of(ANY), false, false, false);
    }

    static Setting policies(String... oids) {
        return new Setting(Set.of(oids), false, false, false);
    }

    static Setting explicit(String... oids) {
        return new Setting(Set.of(oids), true, false, false);
    }

    static Row valid(String section, String name, Setting setting, Set<String> policies, String why) {
        return new Row(section, name, setting, true, policies, why);
    }

    static Row invalid(String section, String name, Setting setting, String why) {
        return new Row(section, name, setting, false, Set.of(), why);
    }

    static Stream<Row> rows() {
        String same = "every certificate asserts NIST-test-policy-1";
        return Stream.of(
                valid("4.8.1", "ValidCertificatePathTest1", explicit(ANY), Set.of(P1), same),
                valid("4.8.1", "ValidCertificatePathTest1", explicit(P1), Set.of(P1), same),
                invalid("4.8.1", "ValidCertificatePathTest1", explicit(P2), same + ", not NIST-test-policy-2, and a policy is required"),
                valid("4.8.1", "ValidCertificatePathTest1", explicit(P1, P2), Set.of(P1), same),
                valid("4.8.2", "AllCertificatesNoPoliciesTest2", any(), Set.of(), "no certificate has a policy, none is required"),
                invalid("4.8.2", "AllCertificatesNoPoliciesTest2", explicit(ANY), "no certificate has a policy and one is required"),
                valid("4.8.3", "DifferentPoliciesTest3", any(), Set.of(), "the CAs assert different policies, none is required"),
                invalid("4.8.3", "DifferentPoliciesTest3", explicit(ANY), "the CAs assert different policies and one is required"),
                invalid("4.8.3", "DifferentPoliciesTest3", explicit(P1, P2), "the CAs assert different policies and one is required"),
                invalid("4.8.4", "DifferentPoliciesTest4", any(), "the end entity's CA requires explicit policy; no common policy"),
                invalid("4.8.5", "DifferentPoliciesTest5", any(), "an intermediate requires explicit policy; no common policy"),
                valid("4.8.6", "OverlappingPoliciesTest6", any(), Set.of(P1), "only NIST-test-policy-1 is common to the path"),
                valid("4.8.6", "OverlappingPoliciesTest6", policies(P1), Set.of(P1), "only NIST-test-policy-1 is common to the path"),
                invalid("4.8.6", "OverlappingPoliciesTest6", policies(P2), "NIST-test-policy-2 is not common to the path, which requires a policy"),
                invalid("4.8.7", "DifferentPoliciesTest7", any(), "no common policy, explicit policy required by a CA"),
                invalid("4.8.8", "DifferentPoliciesTest8", any(), "no common policy, explicit policy required by a CA"),
                invalid("4.8.9", "DifferentPoliciesTest9", any(), "no common policy, explicit policy required by a CA"),
                valid("4.8.10", "AllCertificatesSamePoliciesTest10", policies(P1), Set.of(P1), "every certificate asserts policies 1 and 2"),
                valid("4.8.10", "AllCertificatesSamePoliciesTest10", policies(P2), Set.of(P2), "every certificate asserts policies 1 and 2"),
                valid("4.8.10", "AllCertificatesSamePoliciesTest10", any(), Set.of(P1, P2), "every certificate asserts policies 1 and 2"),
                valid("4.8.11", "AllCertificatesanyPolicyTest11", any(), Set.of(ANY), "every certificate asserts anyPolicy"),
                valid("4.8.11", "AllCertificatesanyPolicyTest11", policies(P1), Set.of(P1), "every certificate asserts anyPolicy, which matches any initial policy"),
                invalid("4.8.12", "DifferentPoliciesTest12", any(), "the CA and the end entity assert different policies, explicit policy required"),
                valid("4.8.13", "AllCertificatesSamePoliciesTest13", policies(P1), Set.of(P1), "every certificate asserts policies 1, 2 and 3"),
                valid("4.8.13", "AllCertificatesSamePoliciesTest13", policies(P2), Set.of(P2), "every certificate asserts policies 1, 2 and 3"),
                valid("4.8.13", "AllCertificatesSamePoliciesTest13", policies(P3), Set.of(P3), "every certificate asserts policies 1, 2 and 3"),
                valid("4.8.14", "AnyPolicyTest14", policies(P1), Set.of(P1), "the CA asserts anyPolicy, the end entity NIST-test-policy-1"),
                invalid("4.8.14", "AnyPolicyTest14", policies(P2), "the end entity asserts only NIST-test-policy-1"),
                valid("4.8.15", "UserNoticeQualifierTest15", any(), Set.of(P1), "user notice qualifier (display only)"),
                valid("4.8.16", "UserNoticeQualifierTest16", any(), Set.of(P1), "user notice qualifiers (display only)"),
                valid("4.8.17", "UserNoticeQualifierTest17", any(), Set.of(P1), "user notice qualifier on anyPolicy (display only)"),
                valid("4.8.18", "UserNoticeQualifierTest18", policies(P1), Set.of(P1), "policies 1 and 2 with user notices"),
                valid("4.8.18", "UserNoticeQualifierTest18", policies(P2), Set.of(P2), "policies 1 and 2 with user notices"),
                valid("4.8.19", "UserNoticeQualifierTest19", any(), Set.of(P1), "long user notice (display only)"),
                valid("4.8.20", "CPSPointerQualifierTest20", explicit(ANY), Set.of(P1), "CPS pointer qualifier (informational)"),
                valid("4.10.1", "ValidPolicyMappingTest1", policies(P1), Set.of(P1), "policy 1 of the end entity's domain is mapped from policy 1"),
                invalid("4.10.1", "ValidPolicyMappingTest1", policies(P2), "the path's only valid policy is NIST-test-policy-1"),
                invalid("4.10.1", "ValidPolicyMappingTest1", new Setting(Set.of(ANY), false, true, false),
                        "with mapping inhibited, the mapped policy is lost and a policy is required"),
                invalid("4.10.3", "ValidPolicyMappingTest3", policies(P1), "the path's only valid policy is NIST-test-policy-2"),
                valid("4.10.3", "ValidPolicyMappingTest3", policies(P2), Set.of(P2), "NIST-test-policy-2 is mapped through the path"),
                valid("4.10.5", "ValidPolicyMappingTest5", policies(P1), Set.of(P1), "NIST-test-policy-1 maps to NIST-test-policy-6 below"),
                invalid("4.10.5", "ValidPolicyMappingTest5", policies(P6), "policies are named in the trust anchor's domain, where 6 does not exist"),
                valid("4.10.6", "ValidPolicyMappingTest6", policies(P1), Set.of(P1), "NIST-test-policy-1 maps to policies 6 and 1 below"),
                invalid("4.10.6", "ValidPolicyMappingTest6", policies(P6), "policies are named in the trust anchor's domain, where 6 does not exist"),
                valid("4.10.12", "ValidPolicyMappingTest12", policies(P1), Set.of(P1), "the CA asserts policies 1 and 2 and maps 1"),
                valid("4.10.12", "ValidPolicyMappingTest12", policies(P2), Set.of(P2), "the CA asserts policies 1 and 2 and maps 1"),
                valid("4.12.3", "inhibitAnyPolicyTest3", any(), Set.of(P1), "anyPolicy of the self-issued CA still counts"),
                invalid("4.12.3", "inhibitAnyPolicyTest3", new Setting(Set.of(ANY), false, false, true),
                        "with anyPolicy inhibited from the start, the intermediate's anyPolicy is ignored"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void pkitsPolicyCaseWithItsSetting(Row row) {
        PathValidationResult result = Pkits.load().validate(new PathValidationEngine(), row.name(),
                row.setting().options(), RevocationChecker.DISABLED);
        assertEquals(row.valid(), result.isValid(), () -> row + ": " + result);
        if (row.valid()) {
            assertEquals(row.policies(), result.policies(), row::toString);
        } else {
            assertEquals(Reason.POLICY, result.failure().orElseThrow().reason(), () -> row + ": " + result);
        }
    }
}
