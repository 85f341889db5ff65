package org.secplane.pki.component;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.PathValidator;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.internal.path.PathValidationEngine;

/**
 * Registers the path validation engine as the {@link PathValidator} service. The best
 * {@link RevocationChecker} service (dynamic, greedy: the revocation bundle's, when installed) is the
 * checker of requests that do not name one; without any, revocation is not checked.
 */
@Component(service = PathValidator.class)
public class PathValidatorComponent implements PathValidator {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RevocationChecker revocationChecker;

    private final PathValidationEngine engine = new PathValidationEngine(() -> {
        RevocationChecker checker = revocationChecker;
        return checker == null ? RevocationChecker.DISABLED : checker;
    });

    @Override
    public PathValidationResult validate(PathValidationRequest request) {
        return engine.validate(request);
    }
}
