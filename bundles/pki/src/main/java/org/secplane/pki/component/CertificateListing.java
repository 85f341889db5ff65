package org.secplane.pki.component;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secplane.cli.Invocation;
import org.secplane.cli.Report;
import org.secplane.pki.internal.cert.CertificateText;
import org.secplane.pki.internal.cert.PkiCertificates;
import org.secplane.pki.internal.cert.PkiException;

/** Prints stored certificates as the {@code show} commands do: text or JSON, damaged ones named last. */
final class CertificateListing {

    private CertificateListing() {
    }

    static void print(Invocation invocation, PkiCertificates engine, String kind, String jsonName, List<String> names,
            boolean detail) throws PkiException {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            try {
                certificates.put(name, engine.readCertificate(kind, name));
            } catch (PkiException e) {
                problems.add(e.getMessage());
            }
        }
        List<Object> data = new ArrayList<>();
        certificates.forEach((name, c) -> data.add(CertificateText.certificateData(name, c, detail)));
        invocation.print(Report.of(Map.of(jsonName, data), out -> {
            boolean first = true;
            for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
                if (!first) {
                    out.println();
                }
                first = false;
                CertificateText.certificate(entry.getKey(), entry.getValue(), detail).forEach(out::println);
            }
        }));
        if (!problems.isEmpty()) {
            throw new PkiException(String.join("\nerror: ", problems));
        }
    }
}
