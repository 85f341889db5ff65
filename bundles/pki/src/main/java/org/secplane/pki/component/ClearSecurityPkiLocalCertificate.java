package org.secplane.pki.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.pki.internal.cert.PkiCertificates;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code clear security pki local-certificate (all | certificate-id ID | system-generated)} (pki.md §3.2): no
 * output, as in the guide's samples. {@code all} leaves the system-generated certificate (L4355);
 * {@code system-generated} (or {@code certificate-id system-generated}) replaces it with a new one, new key
 * pair included (L4358). Key pairs of other certificates stay ({@code clear security pki key-pair}).
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityPkiLocalCertificate extends PkiCommand {

    @Activate
    public ClearSecurityPkiLocalCertificate(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "clear security pki local-certificate";
    }

    @Override
    public String help() {
        return "Clear public key infrastructure information for local digital certificates";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .flag("all", "Clear all local digital certificates (not the system-generated one)")
                .option("certificate-id", localCertificateId(null), "Clear the local digital certificate with this ID")
                .flag("system-generated", "Clear the automatically generated self-signed certificate and generate a new one")
                .exclusive("all", "certificate-id", "system-generated")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        if (invocation.arguments().flag("all")) {
            engine.clearAllLocalCertificates();
            return;
        }
        String id = invocation.arguments().get("certificate-id").orElse(null);
        if (invocation.arguments().flag("system-generated") || PkiCertificates.SYSTEM_GENERATED.equals(id)) {
            engine.regenerateSystemGenerated();
            return;
        }
        if (id == null) {
            throw new PkiException("syntax error, expecting all | certificate-id <certificate-id-name> | system-generated");
        }
        if (!engine.clearLocalCertificate(id)) {
            throw new PkiException("local certificate " + id + " does not exist");
        }
    }
}
