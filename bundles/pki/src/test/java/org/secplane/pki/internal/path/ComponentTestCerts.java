package org.secplane.pki.internal.path;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Certificates for tests outside this package (the component test). */
public final class ComponentTestCerts {

    public static final Instant NOW = TestCerts.NOW;
    private static final TestCerts.Entity ROOT = TestCerts.entity("C=US, O=Component, CN=Root-CA", 0);
    private static final TestCerts.Entity EE = TestCerts.entity("C=US, O=Component, CN=gateway", 1);
    private static final X509Certificate ROOT_CERT = ROOT.selfSigned().build();
    private static final X509Certificate EE_CERT = ROOT.issue(EE).keyUsage(TestCerts.EE_USAGE).build();

    private ComponentTestCerts() {
    }

    public static X509Certificate root() {
        return ROOT_CERT;
    }

    public static X509Certificate endEntity() {
        return EE_CERT;
    }
}
