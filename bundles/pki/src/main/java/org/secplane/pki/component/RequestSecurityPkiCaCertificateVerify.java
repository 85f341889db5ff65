package org.secplane.pki.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki ca-certificate verify ca-profile P} (pki.md §3.5): validates the profile's CA
 * certificate now, its signature included, against the CA profiles' certificates:
 * {@code CA certificate P verified successfully}, or {@code error: CA certificate P: verification failed: why}.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiCaCertificateVerify extends PkiCommand {

    @Activate
    public RequestSecurityPkiCaCertificateVerify(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki ca-certificate verify";
    }

    @Override
    public String help() {
        return "Verify the digital certificate installed for the specified certificate authority (CA)";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder().required("ca-profile", caProfile(null), "CA profile whose certificate is verified")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        invocation.out().println(engine.verifyCaCertificate(invocation.arguments().required("ca-profile")));
    }
}
