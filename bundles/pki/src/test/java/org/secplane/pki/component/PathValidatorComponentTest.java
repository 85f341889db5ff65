package org.secplane.pki.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.RevocationStatus;
import org.secplane.pki.RevocationStatus.State;

class PathValidatorComponentTest {

    private static final X509Certificate ROOT = org.secplane.pki.internal.path.ComponentTestCerts.root();

    private static PathValidationResult validate(PathValidatorComponent component) {
        return component.validate(PathValidationRequest.builder(ROOT).trusted("Root-CA", ROOT)
                .options(org.secplane.pki.PathValidationOptions.builder()
                        .purpose(org.secplane.pki.PathValidationOptions.Purpose.CA).build())
                .at(org.secplane.pki.internal.path.ComponentTestCerts.NOW).build());
    }

    private static void bind(PathValidatorComponent component, RevocationChecker checker) throws Exception {
        Field field = PathValidatorComponent.class.getDeclaredField("revocationChecker");
        field.setAccessible(true);
        field.set(component, checker);
    }

    @Test
    void withoutARevocationServiceNothingIsChecked() {
        PathValidationResult result = validate(new PathValidatorComponent());
        assertEquals(true, result.isValid(), result::toString);
        assertEquals(List.of(), result.revocation()); // a self-signed CA profile certificate alone
    }

    @Test
    void theBoundRevocationServiceIsTheDefaultAndFollowsRebinding() throws Exception {
        PathValidatorComponent component = new PathValidatorComponent();
        X509Certificate ee = org.secplane.pki.internal.path.ComponentTestCerts.endEntity();
        PathValidationRequest request = PathValidationRequest.builder(ee).trusted("Root-CA", ROOT)
                .at(org.secplane.pki.internal.path.ComponentTestCerts.NOW).build();
        assertEquals(State.NOT_CHECKED, component.validate(request).revocation().get(0).state());
        bind(component, q -> RevocationStatus.good("CRL of CA profile Root-CA"));
        assertEquals(State.GOOD, component.validate(request).revocation().get(0).state());
        bind(component, null);
        assertEquals(State.NOT_CHECKED, component.validate(request).revocation().get(0).state());
    }
}
