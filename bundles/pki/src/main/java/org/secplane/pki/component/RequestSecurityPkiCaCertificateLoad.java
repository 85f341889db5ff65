package org.secplane.pki.component;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.pki.internal.cert.Fingerprints;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki ca-certificate load ca-profile P filename F} (pki.md §3.8): prints the
 * certificate's SHA-1 and MD5 fingerprints, asks {@code Do you want to load this CA certificate ? [yes,no] (no)},
 * and loads it only on yes: {@code CA certificate for profile P loaded successfully}. On no, nothing is stored.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiCaCertificateLoad extends PkiCommand {

    @Activate
    public RequestSecurityPkiCaCertificateLoad(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki ca-certificate load";
    }

    @Override
    public String help() {
        return "Manually load a certificate authority (CA) digital certificate from a specified location";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .required("ca-profile", new ObjectNameType("ca-profile-name", engine::configuredProfileNames, null),
                        "Load the CA certificate of the specified CA profile")
                .required("filename", FILENAME, "Directory location and filename of the CA digital certificate")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException, IOException {
        String profile = invocation.arguments().required("ca-profile");
        Path file = file(invocation, invocation.arguments().required("filename"));
        X509Certificate certificate = engine.prepareCaLoad(profile, file);
        byte[] der = encoded(certificate);
        invocation.out().println();
        invocation.out().println("Fingerprint:");
        Fingerprints.lines(der).forEach(line -> invocation.out().println("  " + line));
        if (!invocation.confirm("Do you want to load this CA certificate ?")) {
            invocation.out().println("CA certificate for profile " + profile + " not loaded");
            return;
        }
        engine.storeCaCertificate(profile, certificate, file.toString());
        invocation.out().println();
        invocation.out().println("CA certificate for profile " + profile + " loaded successfully");
    }

    static byte[] encoded(X509Certificate certificate) throws PkiException {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new PkiException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }
}
