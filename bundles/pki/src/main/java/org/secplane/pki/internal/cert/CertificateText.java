package org.secplane.pki.internal.cert;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The text and JSON of {@code show security pki ca-certificate}, {@code local-certificate} and
 * {@code certificate-request} (pki.md §3.18, §3.19, §3.21, rules of §3.22): fields in the order of the
 * guide's samples, field lines indented 2 below {@code Certificate identifier:}, sub-values 4; dates
 * {@code MM-DD-YYYY HH:MM} with the day padded by a blank, in UTC; lists wrapped at 80 columns after a comma;
 * key and signature dumps 20 and 22 bytes a line; fingerprints SHA-1 then MD5.
 *
 * <p>The JSON form holds the same fields under lower-case hyphenated names, dates in ISO 8601 (UTC).
 */
public final class CertificateText {

    /** Output width the guide's lists are wrapped to. */
    static final int WIDTH = 80;

    private static final String[] KEY_USAGES = {"Digital signature", "Non repudiation", "Key encipherment",
        "Data encipherment", "Key agreement", "Certificate signing", "CRL signing", "Encipher only", "Decipher only"};

    /** Which {@code show} prints a certificate: the auto-re-enrollment block is printed by both in detail. */
    public enum Kind {
        CA, LOCAL
    }

    private CertificateText() {
    }

    /** {@code 05- 3-2012 07:15} (UTC). */
    public static String date(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return String.format("%02d-%2d-%04d %02d:%02d", t.getMonthValue(), t.getDayOfMonth(), t.getYear(), t.getHour(),
                t.getMinute());
    }

    /** The lines of one certificate, brief or detail. */
    public static List<String> certificate(String identifier, X509Certificate certificate, boolean detail) {
        Facts f = Facts.of(certificate);
        List<String> lines = new ArrayList<>();
        lines.add("Certificate identifier: " + identifier);
        if (!detail) {
            lines.addAll(wrap("  Issued to: " + f.issuedTo + ", Issued by: ", split(f.issuedBy), "    "));
            validity(lines, f);
            lines.add("  Public key algorithm: " + f.publicKeyAlgorithm);
            return lines;
        }
        lines.add("  Certificate version: " + f.version);
        lines.add("  Serial number: " + f.serial);
        lines.add("  Issuer:");
        lines.addAll(wrap("    ", SubjectNames.fieldGroups(f.issuer), "    "));
        lines.add("  Subject:");
        lines.addAll(wrap("    ", SubjectNames.fieldGroups(f.subject), "    "));
        lines.add("  Subject string:");
        lines.addAll(wrap("    ", split(SubjectNames.subjectString(f.subject)), "    "));
        if (f.alternateSubject != null) {
            lines.add("  Alternate subject: " + f.alternateSubject);
        }
        validity(lines, f);
        lines.add("  Public key algorithm: " + f.publicKeyAlgorithm);
        Colons.lines(f.publicKey, 20).forEach(line -> lines.add("    " + line));
        lines.add("  Signature algorithm: " + f.signatureAlgorithm);
        if (!f.distributionPoints.isEmpty()) {
            lines.add("  Distribution CRL:");
            f.distributionPoints.forEach(point -> lines.add("    " + point));
        }
        if (!f.keyUsage.isEmpty()) {
            lines.addAll(wrap("  Use for key: ", f.keyUsage, "    "));
        }
        lines.add("  Fingerprint:");
        Fingerprints.lines(f.encoded).forEach(line -> lines.add("    " + line));
        lines.add("  Auto-re-enrollment:");
        lines.add("    Status: Disabled");
        lines.add("    Next trigger time: Timer not started");
        return lines;
    }

    /** The JSON data of one certificate. */
    public static Map<String, Object> certificateData(String identifier, X509Certificate certificate, boolean detail) {
        Facts f = Facts.of(certificate);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("certificate-identifier", identifier);
        if (detail) {
            data.put("certificate-version", f.version);
            data.put("serial-number", f.serial);
        }
        data.put("issued-to", f.issuedTo);
        data.put("issued-by", f.issuedBy);
        if (detail) {
            data.put("issuer", SubjectNames.subjectString(f.issuer));
            data.put("subject", SubjectNames.fields(f.subject));
            data.put("subject-string", SubjectNames.subjectString(f.subject));
            data.put("alternate-subject", f.alternateNames);
        }
        Map<String, Object> validity = new LinkedHashMap<>();
        validity.put("not-before", f.notBefore.toString());
        validity.put("not-after", f.notAfter.toString());
        data.put("validity", validity);
        data.put("public-key-algorithm", f.publicKeyAlgorithm);
        if (detail) {
            data.put("public-key", Colons.hex(f.publicKey));
            data.put("signature-algorithm", f.signatureAlgorithm);
            data.put("distribution-crl", f.distributionPoints);
            data.put("use-for-key", f.keyUsage);
            data.put("fingerprint", fingerprints(f.encoded));
            Map<String, Object> auto = new LinkedHashMap<>();
            auto.put("status", "Disabled");
            auto.put("next-trigger-time", "Timer not started");
            data.put("auto-re-enrollment", auto);
        }
        return data;
    }

    /** The lines of one stored certificate request, brief or detail. */
    public static List<String> request(String identifier, PKCS10CertificationRequest request, boolean detail) {
        RequestFacts f = RequestFacts.of(request);
        List<String> lines = new ArrayList<>();
        lines.add("Certificate identifier: " + identifier);
        if (detail) {
            lines.add("  Certificate version: " + f.version);
        }
        lines.add("  Issued to: " + f.issuedTo);
        if (!detail) {
            lines.add("  Public key algorithm: " + f.publicKeyAlgorithm);
            return lines;
        }
        lines.add("  Subject:");
        lines.addAll(wrap("    ", SubjectNames.fieldGroups(f.subject), "    "));
        if (f.alternateSubject != null) {
            lines.add("  Alternate subject: " + f.alternateSubject);
        }
        lines.add("  Public key algorithm: " + f.publicKeyAlgorithm);
        Colons.lines(f.publicKey, 20).forEach(line -> lines.add("    " + line));
        lines.add("  Public key verification status: " + (f.verified ? "Passed" : "Failed"));
        Colons.lines(f.signature, 22).forEach(line -> lines.add("    " + line));
        lines.add("  Fingerprint:");
        Fingerprints.lines(f.encoded).forEach(line -> lines.add("    " + line));
        if (!f.keyUsage.isEmpty()) {
            lines.addAll(wrap("  Use for key: ", f.keyUsage, "    "));
        }
        return lines;
    }

    public static Map<String, Object> requestData(String identifier, PKCS10CertificationRequest request, boolean detail) {
        RequestFacts f = RequestFacts.of(request);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("certificate-identifier", identifier);
        if (detail) {
            data.put("certificate-version", f.version);
        }
        data.put("issued-to", f.issuedTo);
        if (detail) {
            data.put("subject", SubjectNames.fields(f.subject));
            data.put("subject-string", SubjectNames.subjectString(f.subject));
            data.put("alternate-subject", f.alternateNames);
        }
        data.put("public-key-algorithm", f.publicKeyAlgorithm);
        if (detail) {
            data.put("public-key", Colons.hex(f.publicKey));
            data.put("public-key-verification-status", f.verified ? "Passed" : "Failed");
            data.put("verification-hash", Colons.hex(f.signature));
            data.put("fingerprint", fingerprints(f.encoded));
            data.put("use-for-key", f.keyUsage);
        }
        return data;
    }

    private static Map<String, Object> fingerprints(byte[] encoded) {
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("sha1", Fingerprints.sha1(encoded));
        fingerprint.put("md5", Fingerprints.md5(encoded));
        return fingerprint;
    }

    private static void validity(List<String> lines, Facts f) {
        lines.add("  Validity:");
        lines.add("    Not before: " + date(f.notBefore));
        lines.add("    Not after: " + date(f.notAfter));
    }

    /** Splits a {@code , }-joined list back into items. */
    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(", "));
    }

    /**
     * {@code first} followed by the items joined with {@code ", "}; an item that would take the line past
     * {@value #WIDTH} columns (not counting the comma that then ends it) starts the next line after
     * {@code continuation}. An item (a group of subfields) wider than a line on its own is split at its commas.
     * This reproduces the line breaks of the guide's indented samples (pki.md §3.18, §3.21).
     */
    static List<String> wrap(String first, List<String> groups, String continuation) {
        List<String> items = new ArrayList<>();
        for (String group : groups) {
            if (continuation.length() + group.length() > WIDTH) {
                items.addAll(List.of(group.split(", ")));
            } else {
                items.add(group);
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String item : items) {
            if (!empty && line.length() + 2 + item.length() > WIDTH) {
                lines.add(line.append(',').toString());
                line = new StringBuilder(continuation).append(item);
            } else {
                line.append(empty ? "" : ", ").append(item);
            }
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@code "user@example.net", fqdn empty, ip empty} (L1852), or null without identities. */
    private static String alternateSubject(Map<String, List<String>> names) {
        if (names.values().stream().allMatch(List::isEmpty)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        List<String> emails = names.get("email");
        if (emails.isEmpty()) {
            parts.add("email empty");
        }
        emails.forEach(email -> parts.add("\"" + email + "\""));
        parts.addAll(names.get("fqdn").isEmpty() ? List.of("fqdn empty") : names.get("fqdn"));
        parts.addAll(names.get("ip").isEmpty() ? List.of("ip empty") : names.get("ip"));
        return String.join(", ", parts);
    }

    private static Map<String, List<String>> alternateNames(GeneralNames names) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        result.put("email", new ArrayList<>());
        result.put("fqdn", new ArrayList<>());
        result.put("ip", new ArrayList<>());
        if (names == null) {
            return result;
        }
        for (GeneralName name : names.getNames()) {
            switch (name.getTagNo()) {
                case GeneralName.rfc822Name:
                    result.get("email").add(ASN1IA5String.getInstance(name.getName()).getString());
                    break;
                case GeneralName.dNSName:
                    result.get("fqdn").add(ASN1IA5String.getInstance(name.getName()).getString());
                    break;
                case GeneralName.iPAddress:
                    result.get("ip").add(ip(ASN1OctetString.getInstance(name.getName()).getOctets()));
                    break;
                default:
                    break;
            }
        }
        return result;
    }

    private static String ip(byte[] octets) {
        try {
            return java.net.InetAddress.getByAddress(octets).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return Colons.of(octets);
        }
    }

    /** Key usage names in the guide's order (highest bit first), then the extended key usages as dotted OIDs. */
    private static List<String> keyUsage(Extensions extensions) {
        List<String> usage = new ArrayList<>();
        if (extensions == null) {
            return usage;
        }
        KeyUsage keyUsage = KeyUsage.fromExtensions(extensions);
        if (keyUsage != null) {
            byte[] bits = keyUsage.getBytes();
            for (int bit = KEY_USAGES.length - 1; bit >= 0; bit--) {
                int index = bit / 8;
                if (index < bits.length && (bits[index] & (0x80 >> (bit % 8))) != 0) {
                    usage.add(KEY_USAGES[bit]);
                }
            }
        }
        ExtendedKeyUsage extended = ExtendedKeyUsage.fromExtensions(extensions);
        if (extended != null) {
            for (KeyPurposeId purpose : extended.getUsages()) {
                usage.add(purpose.toOID().getId());
            }
        }
        return usage;
    }

    private static List<String> distributionPoints(Extensions extensions) {
        List<String> points = new ArrayList<>();
        if (extensions == null) {
            return points;
        }
        CRLDistPoint cdp = CRLDistPoint.fromExtensions(extensions);
        if (cdp == null) {
            return points;
        }
        for (DistributionPoint point : cdp.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                continue;
            }
            for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    points.add(ASN1IA5String.getInstance(general.getName()).getString());
                } else if (general.getTagNo() == GeneralName.directoryName) {
                    points.add(SubjectNames.subjectString(X500Name.getInstance(general.getName())));
                }
            }
        }
        return points;
    }

    /** What the output needs of a certificate, decoded once. */
    private static final class Facts {
        int version;
        String serial;
        X500Name issuer;
        X500Name subject;
        String issuedTo;
        String issuedBy;
        Instant notBefore;
        Instant notAfter;
        String publicKeyAlgorithm;
        byte[] publicKey;
        String signatureAlgorithm;
        List<String> keyUsage;
        List<String> distributionPoints;
        Map<String, List<String>> alternateNames;
        String alternateSubject;
        byte[] encoded;

        static Facts of(X509Certificate c) {
            Facts f = new Facts();
            try {
                f.encoded = c.getEncoded();
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a stored certificate cannot be encoded", e);
            }
            org.bouncycastle.asn1.x509.Certificate bc = org.bouncycastle.asn1.x509.Certificate.getInstance(f.encoded);
            f.version = c.getVersion();
            f.serial = serial(c.getSerialNumber());
            f.issuer = bc.getIssuer();
            f.subject = bc.getSubject();
            f.issuedTo = SubjectNames.firstCommonName(f.subject).orElse(SubjectNames.subjectString(f.subject));
            f.issuedBy = SubjectNames.issuedBy(f.issuer);
            f.notBefore = c.getNotBefore().toInstant();
            f.notAfter = c.getNotAfter().toInstant();
            byte[] spki = c.getPublicKey().getEncoded();
            f.publicKeyAlgorithm = Algorithms.publicKey(spki);
            f.publicKey = SubjectPublicKeyInfo.getInstance(spki).getPublicKeyData().getBytes();
            f.signatureAlgorithm = Algorithms.signature(c.getSigAlgOID());
            Extensions extensions = bc.getTBSCertificate().getExtensions();
            f.keyUsage = keyUsage(extensions);
            f.distributionPoints = distributionPoints(extensions);
            f.alternateNames = alternateNames(extensions == null ? null
                    : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName));
            f.alternateSubject = alternateSubject(f.alternateNames);
            return f;
        }
    }

    /** What the output needs of a request, decoded once. */
    private static final class RequestFacts {
        int version;
        X500Name subject;
        String issuedTo;
        String publicKeyAlgorithm;
        byte[] publicKey;
        boolean verified;
        byte[] signature;
        List<String> keyUsage;
        Map<String, List<String>> alternateNames;
        String alternateSubject;
        byte[] encoded;

        static RequestFacts of(PKCS10CertificationRequest request) {
            RequestFacts f = new RequestFacts();
            try {
                f.encoded = request.getEncoded();
                byte[] spki = request.getSubjectPublicKeyInfo().getEncoded();
                f.publicKeyAlgorithm = Algorithms.publicKey(spki);
            } catch (IOException e) {
                throw new IllegalStateException("a stored request cannot be encoded", e);
            }
            // PKCS #10 version 0 is the first version: shown 1-based, as certificate versions are (pki.md §6.1 #24)
            f.version = request.toASN1Structure().getCertificationRequestInfo().getVersion().intValueExact() + 1;
            f.subject = request.getSubject();
            f.publicKey = request.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            f.signature = request.getSignature();
            try {
                f.verified = request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Signing.BC)
                        .build(request.getSubjectPublicKeyInfo()));
            } catch (Exception e) {
                f.verified = false;
            }
            Extensions extensions = null;
            for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                ASN1Encodable[] values = attribute.getAttributeValues();
                if (values.length > 0) {
                    extensions = Extensions.getInstance(values[0]);
                }
            }
            f.keyUsage = keyUsage(extensions);
            f.alternateNames = alternateNames(extensions == null ? null
                    : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName));
            f.alternateSubject = alternateSubject(f.alternateNames);
            f.issuedTo = SubjectNames.firstCommonName(f.subject).orElseGet(() -> firstIdentity(f.alternateNames,
                    SubjectNames.subjectString(f.subject)));
            return f;
        }
    }

    private static String firstIdentity(Map<String, List<String>> names, String fallback) {
        return names.values().stream().flatMap(Collection::stream).findFirst().orElse(fallback);
    }

    /** Lowercase hex of the serial number's unsigned bytes ({@code 0712dc31}, pki.md §3.22). */
    static String serial(java.math.BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Colons.hex(bytes);
    }
}
