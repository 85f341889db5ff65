package org.secplane.pki.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code clear security pki certificate-request (all | certificate-id ID)}: removes pending certificate
 * requests (their key pairs stay). The guide has no such command; it is the counterpart of {@code show
 * security pki certificate-request} that the issue asks for. No output, like the other clear commands.
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityPkiCertificateRequest extends PkiCommand {

    @Activate
    public ClearSecurityPkiCertificateRequest(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "clear security pki certificate-request";
    }

    @Override
    public String help() {
        return "Clear pending local digital certificate requests";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .flag("all", "Clear all certificate requests")
                .option("certificate-id", requestId(null), "Clear the certificate request with this ID")
                .exclusive("all", "certificate-id")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        if (invocation.arguments().flag("all")) {
            engine.clearAllRequests();
            return;
        }
        String id = invocation.arguments().get("certificate-id")
                .orElseThrow(() -> new PkiException("syntax error, expecting all | certificate-id <certificate-id-name>"));
        if (!engine.clearRequest(id)) {
            throw new PkiException("certificate request " + id + " does not exist");
        }
    }
}
