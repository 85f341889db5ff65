package org.secplane.pki.component;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.pki.internal.cert.PkiCertificates;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code show security pki local-certificate [brief | detail] [certificate-id ID] [system-generated]} (pki.md
 * §3.21): the local certificates, the system-generated one included, brief unless {@code detail}; entries
 * separated by an empty line.
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityPkiLocalCertificate extends PkiCommand {

    @Activate
    public ShowSecurityPkiLocalCertificate(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "show security pki local-certificate";
    }

    @Override
    public String help() {
        return "Show local digital certificates and the automatically generated self-signed certificate";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .flag("brief", "Display brief output (default)")
                .flag("detail", "Display detailed output")
                .option("certificate-id", localCertificateId(null), "Display this local certificate only")
                .flag("system-generated", "Display the automatically generated self-signed certificate")
                .exclusive("brief", "detail")
                .exclusive("certificate-id", "system-generated")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        boolean detail = invocation.arguments().flag("detail");
        String only = invocation.arguments().flag("system-generated") ? PkiCertificates.SYSTEM_GENERATED
                : invocation.arguments().get("certificate-id").orElse(null);
        List<String> names;
        if (only != null) {
            if (!engine.hasLocalCertificate(only)) {
                throw new PkiException("local certificate " + only + " does not exist");
            }
            names = List.of(only);
        } else {
            names = engine.localCertificateIds();
        }
        CertificateListing.print(invocation, engine, PkiObjectStore.LOCAL_CERTIFICATE, "local-certificate", names,
                detail);
    }
}
