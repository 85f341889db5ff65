package org.secplane.pki.internal.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.RevocationChecker;
import org.secplane.pki.internal.path.PkitsConformanceTest.Case;

/**
 * Cross-check: on every PKITS Valid and Invalid case outside the revocation sections, the engine and the
 * JDK's own PKIX CertPathBuilder (SUN provider, revocation disabled, same time and candidates) agree.
 * The JDK is used as a reference only, never by the product.
 */
@DisplayName("the engine agrees with the JDK's PKIX builder on PKITS (revocation sections excluded)")
class JdkPkixComparisonTest {

    static boolean jdkValid(Pkits pkits, String stem) throws Exception {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(pkits.certificate(stem + "EE"));
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(
                Set.of(new TrustAnchor(pkits.anchor.certificate(), null)), target);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(Pkits.TIME));
        parameters.addCertStore(CertStore.getInstance("Collection",
                new CollectionCertStoreParameters(pkits.certificates.values())));
        try {
            CertPathBuilder.getInstance("PKIX", "SUN").build(parameters);
            return true;
        } catch (CertPathBuilderException e) {
            return false;
        }
    }

    @Test
    void bothGiveTheSameVerdictOnEveryCase() throws Exception {
        Pkits pkits = Pkits.load();
        PathValidationEngine engine = new PathValidationEngine();
        Map<String, String> disagreements = new TreeMap<>();
        for (Case c : (Iterable<Case>) cases()::iterator) {
            boolean ours = pkits.validate(engine, c.name(), PathValidationOptions.defaults(), RevocationChecker.DISABLED)
                    .isValid();
            boolean jdk = jdkValid(pkits, c.name());
            if (ours != jdk) {
                disagreements.put(c.section() + " " + c.name(), "engine " + ours + ", JDK " + jdk);
            }
        }
        assertEquals(Map.of(), disagreements);
    }

    static Stream<Case> cases() {
        return PkitsConformanceTest.cases().filter(c -> !PkitsConformanceTest.revocationSection(c.section()));
    }
}
