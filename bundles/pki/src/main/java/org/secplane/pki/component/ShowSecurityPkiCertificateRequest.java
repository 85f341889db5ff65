package org.secplane.pki.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.pki.internal.cert.CertificateText;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code show security pki certificate-request [brief | detail] [certificate-id ID]} (pki.md §3.19): the
 * pending requests made by {@code generate-certificate-request}, brief unless {@code detail}.
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityPkiCertificateRequest extends PkiCommand {

    @Activate
    public ShowSecurityPkiCertificateRequest(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "show security pki certificate-request";
    }

    @Override
    public String help() {
        return "Show manually generated local digital certificate requests";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .flag("brief", "Display brief output (default)")
                .flag("detail", "Display detailed output")
                .option("certificate-id", requestId(null), "Display this certificate request only")
                .exclusive("brief", "detail")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException {
        boolean detail = invocation.arguments().flag("detail");
        String only = invocation.arguments().get("certificate-id").orElse(null);
        List<String> names = only == null ? engine.requestIds() : List.of(only);
        Map<String, PKCS10CertificationRequest> requests = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                requests.put(name, engine.request(name));
            } catch (PkiException e) {
                if (only != null) {
                    throw e;
                }
                problems.add(e.getMessage());
            }
        }
        List<Object> data = new ArrayList<>();
        requests.forEach((name, request) -> data.add(CertificateText.requestData(name, request, detail)));
        invocation.print(Report.of(Map.of("certificate-request", data), out -> {
            boolean first = true;
            for (Map.Entry<String, PKCS10CertificationRequest> entry : requests.entrySet()) {
                if (!first) {
                    out.println();
                }
                first = false;
                CertificateText.request(entry.getKey(), entry.getValue(), detail).forEach(out::println);
            }
        }));
        if (!problems.isEmpty()) {
            throw new PkiException(String.join("\nerror: ", problems));
        }
    }
}
