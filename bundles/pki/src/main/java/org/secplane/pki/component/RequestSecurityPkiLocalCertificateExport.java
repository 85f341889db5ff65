package org.secplane.pki.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.schema.Types;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code request security pki local-certificate export certificate-id ID filename F [type (der | pem)]}
 * (pki.md §3.13): writes any local certificate, the system-generated one included (§6.1 #25), to F as PEM
 * (the default) or DER, replacing the file; prints {@code certificate exported successfully}.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiLocalCertificateExport extends PkiCommand {

    @Activate
    public RequestSecurityPkiLocalCertificateExport(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "request security pki local-certificate export";
    }

    @Override
    public String help() {
        return "Export a local digital certificate to a file";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .required("certificate-id", localCertificateId(null), "Name of the local digital certificate")
                .required("filename", FILENAME, "Target directory location and filename")
                .option("type", Types.enumeration("der", "pem"), "Certificate format (default pem)", "pem")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        engine.export(invocation.arguments().required("certificate-id"),
                file(invocation, invocation.arguments().required("filename")),
                invocation.arguments().required("type").equals("pem"));
        invocation.out().println("certificate exported successfully");
    }
}
