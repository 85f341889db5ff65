package org.secplane.pki.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki local-certificate generate-self-signed certificate-id ID subject DN
 * (domain-name D | ip-address A | email E)… [digest (sha1 | sha256)] [add-ca-constraint]} (pki.md §3.14):
 * a certificate for key pair ID signed by itself, valid five years; prints
 * {@code Self-signed certificate generated and loaded successfully}.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiLocalCertificateGenerateSelfSigned extends PkiCommand {

    @Activate
    public RequestSecurityPkiLocalCertificateGenerateSelfSigned(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki local-certificate generate-self-signed";
    }

    @Override
    public String help() {
        return "Manually generate a self-signed certificate for the given distinguished name";
    }

    @Override
    public ArgumentSpec arguments() {
        return IdentityArguments.add(ArgumentSpec.builder()
                .required("certificate-id", newCertificateId(), "Name of the certificate and the public/private key pair"))
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        engine.generateSelfSigned(invocation.arguments().required("certificate-id"),
                IdentityArguments.parameters(invocation.arguments(), engine::deviceSerial));
        invocation.out().println("Self-signed certificate generated and loaded successfully");
    }
}
