package org.secplane.pki.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki local-certificate load certificate-id ID filename F [key K]} (pki.md §3.15):
 * loads the certificate of key pair ID, which must match it and prove its private key (L1802); with
 * {@code key}, the private key comes from file K and is imported into the key store. Prints
 * {@code Local certificate loaded successfully} (the one message form of §6.1 #22).
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiLocalCertificateLoad extends PkiCommand {

    @Activate
    public RequestSecurityPkiLocalCertificateLoad(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki local-certificate load";
    }

    @Override
    public String help() {
        return "Manually load a local digital certificate from a specified location";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .required("certificate-id", newCertificateId(), "Name of the certificate identifier (the key pair's)")
                .required("filename", FILENAME, "Filename that contains the certificate to load")
                .option("key", FILENAME, "File that contains the private key (when no key pair was generated here)")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        String key = invocation.arguments().get("key").orElse(null);
        engine.loadLocalCertificate(invocation.arguments().required("certificate-id"),
                file(invocation, invocation.arguments().required("filename")), key == null ? null : file(invocation, key));
        invocation.out().println("Local certificate loaded successfully");
    }
}
