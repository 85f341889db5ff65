package org.secplane.pki.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.core.AtomicFiles;
import org.secplane.pki.internal.cert.Fingerprints;
import org.secplane.pki.internal.cert.PkiCertificates;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki generate-certificate-request certificate-id ID subject DN (domain-name D |
 * ip-address A | email E)… [digest (sha1 | sha256)] [add-ca-constraint] [filename (PATH | terminal)]} (pki.md
 * §3.10): a PKCS #10 request signed by key pair ID through the key store, stored as the pending request of
 * ID (a new one replaces it, L1531), printed as {@code Generated certificate request}, the PEM and its
 * SHA-1 and MD5 fingerprints. With {@code filename PATH} the PEM is also written to that file (atomically,
 * replacing it); {@code filename terminal} is the same as no filename: the terminal only.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiGenerateCertificateRequest extends PkiCommand {

    @Activate
    public RequestSecurityPkiGenerateCertificateRequest(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki generate-certificate-request";
    }

    @Override
    public String help() {
        return "Generate PKCS-10 request for a local digital certificate";
    }

    @Override
    public ArgumentSpec arguments() {
        return IdentityArguments.add(ArgumentSpec.builder()
                .required("certificate-id", newCertificateId(),
                        "Name of the local digital certificate and the public/private key pair"))
                .option("filename", FILENAME, "File where the request is written, or terminal")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        String target = invocation.arguments().get("filename").orElse("terminal");
        Path file = target.equals("terminal") ? null : file(invocation, target);
        if (file != null && (file.getParent() == null || !Files.isDirectory(file.getParent()))) {
            throw new PkiException("cannot write the request to " + file + ": directory " + file.getParent()
                    + " does not exist");
        }
        PKCS10CertificationRequest request = engine.generateRequest(invocation.arguments().required("certificate-id"),
                IdentityArguments.parameters(invocation.arguments(), engine::deviceSerial));
        byte[] der;
        try {
            der = request.getEncoded();
        } catch (IOException e) {
            throw new PkiException("the request cannot be encoded: " + e.getMessage(), e);
        }
        String pem = PkiCertificates.pem("CERTIFICATE REQUEST", der);
        if (file != null) {
            try {
                AtomicFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new PkiException("the request was generated and stored, but cannot be written to " + file + ": "
                        + e.getMessage(), e);
            }
        }
        invocation.out().println("Generated certificate request");
        invocation.out().print(pem);
        invocation.out().println("Fingerprint:");
        Fingerprints.lines(der).forEach(invocation.out()::println);
    }
}
