package org.secplane.keystore.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.keystore.IntegrityFinding;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.PkiObjectStore;

/**
 * {@code request security pki verify-integrity-status} (pki.md §3.17): checks every PKI object file.
 * Success prints the guide's {@code All PKI objects: verification success}. The guide prints no failure
 * output (§6.2 item 2); secplane prints one line per finding,
 * {@code <kind> <name>: verification failed: <problem>: <detail> (<file>)}, and ends with
 * {@code error: PKI objects: verification failed: N of M objects failed}. With {@code | display json}: the
 * status, the objects verified, the findings, and the key store backend's state.
 */
@Component(service = OperationalCommand.class)
public class RequestSecurityPkiVerifyIntegrityStatus implements OperationalCommand {

    private final PkiObjectStore store;
    private final KeyPairStore keys;

    @Activate
    public RequestSecurityPkiVerifyIntegrityStatus(@Reference PkiObjectStore store, @Reference KeyPairStore keys) {
        this.store = store;
        this.keys = keys;
    }

    @Override
    public String name() {
        return "request security pki verify-integrity-status";
    }

    @Override
    public String help() {
        return "Verify the integrity of public key infrastructure (PKI) files";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(Invocation invocation) throws CommandFailedException {
        IntegrityReport report = store.verifyIntegrity();
        Map<String, Object> data = data(report);
        ((Map<String, Object>) data.get("pki-integrity-status")).put("key-store", keys.backendStatus());
        invocation.print(Report.of(data, out -> {
            if (report.success()) {
                out.println(IntegrityReport.SUCCESS);
            } else {
                report.findings().forEach(finding -> out.println(finding.message()));
            }
        }));
        if (!report.success()) {
            throw new CommandFailedException(report.summary());
        }
    }

    static Map<String, Object> data(IntegrityReport report) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", report.success() ? "success" : "failure");
        status.put("objects", report.objects());
        status.put("verified", report.verified());
        List<Object> findings = new ArrayList<>();
        for (IntegrityFinding finding : report.findings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("object", finding.subject());
            entry.put("problem", finding.problem().label());
            entry.put("detail", finding.detail());
            if (finding.file() != null) {
                entry.put("file", finding.file().toString());
            }
            findings.add(entry);
        }
        status.put("findings", findings);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pki-integrity-status", status);
        return data;
    }
}
