package org.secplane.pki.component;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code show security pki ca-certificate [brief | detail] [ca-profile P]} (pki.md §3.18): every CA
 * profile's certificate (configured profiles and CA profile groups), the brief form unless {@code detail};
 * entries separated by an empty line. A damaged certificate file is named in an error after the others.
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityPkiCaCertificate extends PkiCommand {

    @Activate
    public ShowSecurityPkiCaCertificate(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "show security pki ca-certificate";
    }

    @Override
    public String help() {
        return "Show certificate authority (CA) digital certificates";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .flag("brief", "Display brief output (default)")
                .flag("detail", "Display detailed output")
                .option("ca-profile", caProfile(null), "Display the certificate of this CA profile only")
                .exclusive("brief", "detail")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        boolean detail = invocation.arguments().flag("detail");
        String only = invocation.arguments().get("ca-profile").orElse(null);
        List<String> names;
        if (only != null) {
            if (!engine.hasCaCertificate(only)) {
                throw new PkiException(engine.isKnownProfile(only) ? "CA profile " + only + " has no CA certificate"
                        : "CA profile " + only + " does not exist");
            }
            names = List.of(only);
        } else {
            names = engine.caCertificates().stream().map(c -> c.caProfile()).toList();
        }
        CertificateListing.print(invocation, engine, PkiObjectStore.CA_CERTIFICATE, "ca-certificate", names, detail);
    }
}
