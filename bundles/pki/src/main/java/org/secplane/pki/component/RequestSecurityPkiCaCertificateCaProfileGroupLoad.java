package org.secplane.pki.component;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.schema.Types;
import org.secplane.pki.internal.cert.PkiCertificates.GroupResult;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki ca-certificate ca-profile-group load ca-group-name G filename F} (pki.md §3.6):
 * one confirmation for the whole bundle, then {@code Loading N certificates for group 'G'.}, one line per
 * certificate ({@code G_n_sysgen: Loading done.} or {@code G_n_sysgen: Skipped: why.}) and
 * {@code ca-profile-group 'G' successfully loaded. Success[s] Skipped[k]}.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiCaCertificateCaProfileGroupLoad extends PkiCommand {

    @Activate
    public RequestSecurityPkiCaCertificateCaProfileGroupLoad(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki ca-certificate ca-profile-group load";
    }

    @Override
    public String help() {
        return "Manually load a certificate authority (CA) profile group from a specified location";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .required("ca-group-name", Types.string("ca-group-name"), "Load the specified CA group profile")
                .required("filename", FILENAME, "Directory location and filename of the CA digital certificates")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException, IOException {
        String group = invocation.arguments().required("ca-group-name");
        Path file = file(invocation, invocation.arguments().required("filename"));
        List<X509Certificate> certificates = engine.prepareGroupLoad(group, file);
        if (!invocation.confirm("Do you want to load this CA certificate ?")) {
            invocation.out().println("ca-profile-group '" + group + "' not loaded");
            return;
        }
        invocation.out().println();
        invocation.out().println("Loading " + certificates.size() + " certificates for group '" + group + "'.");
        GroupResult result = engine.loadGroup(group, certificates, file.toString(), invocation.out()::println);
        invocation.out().println("ca-profile-group '" + group + "' successfully loaded. Success[" + result.loaded()
                + "] Skipped[" + result.skipped() + "]");
    }
}
