package org.secplane.pki.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.internal.path.PkitsConformanceTest.Case;

/**
 * TEST-ONLY revocation: the revocation-dependent PKITS cases of sections 4.4, 4.5 and 4.7 (basic CRLs,
 * separate CRL signing keys, key rollover, cRLSign) run through the engine's revocation hook with
 * {@link PkitsCrlChecker}, a simple CRL reader written for this test. It shows the hook carries the
 * answers through (revoked and unknown fail the path, naming the certificate). This is not the product's
 * revocation checking, which is the revocation issue; sections 4.14 (distribution points, indirect CRLs)
 * and 4.15 (delta CRLs) need it and are not run here.
 */
@DisplayName("NIST PKITS 4.4, 4.5, 4.7 CRL cases with a TEST-ONLY CRL checker on the revocation hook")
class PkitsTestCrlCheckerTest {

    static Stream<Case> cases() {
        return PkitsConformanceTest.cases().filter(c -> PkitsConformanceTest.revocationSection(c.section())
                && !c.section().startsWith("4.14.") && !c.section().startsWith("4.15."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pkitsCrlCaseThroughTheRevocationHook(Case c) {
        Pkits pkits = Pkits.load();
        PathValidationEngine engine = new PathValidationEngine();
        PathValidationRequest base = pkits.request(c.name(), PathValidationOptions.defaults(), RevocationChecker.DISABLED);
        PkitsCrlChecker crls = new PkitsCrlChecker(pkits.crls.values(), pkits.certificates.values(), engine, base);
        PathValidationResult result = pkits.validate(engine, c.name(), PathValidationOptions.defaults(), crls);
        assertEquals(c.expectedValid(), result.isValid(), () -> c + ": " + result);
        if (!c.expectedValid()) {
            assertEquals(c.expectedReason(), result.failure().orElseThrow().reason(), () -> c + ": " + result);
        } else {
            assertTrue(result.revocation().stream().allMatch(s -> s.state() == org.secplane.pki.RevocationStatus.State.GOOD),
                    () -> "every certificate checked against a CRL: " + result.revocation());
        }
    }

    @Test
    void coversEveryWaitingCaseOutsideSections414And415() {
        long waitingOutside = PkitsConformanceTest.WAITING_FOR_REVOCATION.values().stream()
                .filter(why -> !why.startsWith("4.14.") && !why.startsWith("4.15.")).count();
        long run = cases().filter(c -> PkitsConformanceTest.WAITING_FOR_REVOCATION.containsKey(c.name())).count();
        assertEquals(waitingOutside, run);
    }
}
