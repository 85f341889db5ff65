package org.secplane.pki.internal.path;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.PathValidator;
import org.secplane.pki.RevocationChecker;

/**
 * The NIST PKITS data ({@code ../shared/pkits}, or the directory in the system property {@code pkits.dir}):
 * every certificate of {@code certs/} is a candidate, {@code TrustAnchorRootCertificate.crt} is the one
 * trusted CA profile ({@code pkits-root}), and the validation time is 1 January 2010 (all PKITS
 * certificates and CRLs are valid from 19 April 2001 to 19 April 2011, except those testing validity).
 */
final class Pkits {

    static final Instant TIME = Instant.parse("2010-01-01T12:00:00Z");
    static final String PROFILE = "pkits-root";

    static final String NIST_POLICY_1 = "2.16.840.1.101.3.2.1.48.1";
    static final String NIST_POLICY_2 = "2.16.840.1.101.3.2.1.48.2";
    static final String NIST_POLICY_3 = "2.16.840.1.101.3.2.1.48.3";
    static final String NIST_POLICY_6 = "2.16.840.1.101.3.2.1.48.6";

    private static Pkits instance;

    final Path dir;
    final Map<String, X509Certificate> certificates = new LinkedHashMap<>();
    final Map<String, X509CRL> crls = new LinkedHashMap<>();
    final CaProfileCertificate anchor;

    private Pkits(Path dir) throws IOException, CertificateException, CRLException {
        this.dir = dir;
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (Stream<Path> files = Files.list(dir.resolve("certs"))) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    certificates.put(stem(file), (X509Certificate) factory.generateCertificate(in));
                }
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("crls"))) {
            for (Path file : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    crls.put(stem(file), (X509CRL) factory.generateCRL(in));
                }
            }
        }
        anchor = CaProfileCertificate.of(PROFILE, certificate("TrustAnchorRootCertificate"));
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    static synchronized Pkits load() {
        if (instance == null) {
            Path dir = Path.of(System.getProperty("pkits.dir", "../../../shared/pkits")).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir.resolve("certs"))) {
                throw new IllegalStateException("PKITS data not found at " + dir
                        + " (certs/ and crls/ from the NIST PKITS zip); set -Dpkits.dir=<directory>");
            }
            try {
                instance = new Pkits(dir);
            } catch (IOException | CertificateException | CRLException e) {
                throw new IllegalStateException("cannot read the PKITS data in " + dir + ": " + e, e);
            }
        }
        return instance;
    }

    X509Certificate certificate(String stem) {
        X509Certificate certificate = certificates.get(stem);
        if (certificate == null) {
            throw new IllegalArgumentException("no PKITS certificate " + stem);
        }
        return certificate;
    }

    /** Every certificate of the folder except the one validated: the candidates a path builder chooses from. */
    List<X509Certificate> candidatesFor(String stem) {
        List<X509Certificate> out = new ArrayList<>(certificates.values());
        out.remove(certificate(stem));
        return out;
    }

    PathValidationRequest request(String endEntityStem, PathValidationOptions options, RevocationChecker checker) {
        return PathValidationRequest.builder(certificate(endEntityStem + "EE"))
                .untrusted(candidatesFor(endEntityStem + "EE"))
                .trusted(anchor)
                .at(TIME)
                .options(options)
                .revocationChecker(checker)
                .build();
    }

    PathValidationResult validate(PathValidator validator, String endEntityStem, PathValidationOptions options,
            RevocationChecker checker) {
        return validator.validate(request(endEntityStem, options, checker));
    }
}
