package org.secplane.pki.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki local-certificate verify certificate-id ID} (pki.md §3.16): checks that the key
 * pair's private key signs for the certificate, then validates the certificate now against the CA profiles'
 * certificates (a self-signed one against itself): {@code Local certificate ID verification success}, or
 * {@code error: Local certificate ID: verification failed: why}.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiLocalCertificateVerify extends PkiCommand {

    @Activate
    public RequestSecurityPkiLocalCertificateVerify(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki local-certificate verify";
    }

    @Override
    public String help() {
        return "Verify the validity of the local digital certificate";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder().required("certificate-id", localCertificateId(null),
                "Name of the local digital certificate identifier").build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        invocation.out().println(engine.verifyLocalCertificate(invocation.arguments().required("certificate-id")));
    }
}
