package org.secplane.pki.internal.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Reads the certificate files of {@code request security pki ca-certificate load}, {@code … ca-profile-group
 * load} and {@code local-certificate load}: "X509, PKCS #7, DER, or PEM" (pki.md §4.9, L2854) — a PEM file
 * with one or more {@code CERTIFICATE} (or {@code X509 CERTIFICATE}, {@code TRUSTED CERTIFICATE}) blocks, text
 * around them ignored; a {@code PKCS7} PEM block; a DER certificate; or a DER PKCS #7 SignedData
 * ({@code .p7b}, {@code .p7c}) carrying certificates. A file that holds PKCS #7 may be at most
 * {@value #MAX_PKCS7_BYTES} bytes ("Junos OS supports a PKCS #7 file size of up to 7 KB", L485).
 *
 * <p>Every failure is a {@link PkiException} naming the file and what is wrong with it (no such file,
 * too large, truncated or corrupt PEM or DER, no certificate in it, trailing bytes after the DER).
 */
public final class CertificateFiles {

    /** 7 KB, the guide's PKCS #7 limit. */
    public static final int MAX_PKCS7_BYTES = 7 * 1024;
    /** Largest certificate file (a single certificate or a short chain). */
    public static final int MAX_CERTIFICATE_FILE_BYTES = 1024 * 1024;
    /** Largest bundle for a CA profile group (a browser's trust store is about 300 KB). */
    public static final int MAX_BUNDLE_BYTES = 8 * 1024 * 1024;

    private static final Set<String> CERTIFICATE_PEM = Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
    private static final Set<String> PKCS7_PEM = Set.of("PKCS7", "CMS", "PKCS #7 SIGNED DATA");

    /** What a file held. */
    public static final class Contents {
        private final List<X509Certificate> certificates;
        private final String format;

        Contents(List<X509Certificate> certificates, String format) {
            this.certificates = List.copyOf(certificates);
            this.format = format;
        }

        /** In file order. */
        public List<X509Certificate> certificates() {
            return certificates;
        }

        /** {@code PEM}, {@code DER}, {@code PKCS #7} or {@code PEM PKCS #7}. */
        public String format() {
            return format;
        }
    }

    private CertificateFiles() {
    }

    /** Reads {@code file}, at most {@code maxBytes} long. */
    public static Contents read(Path file, int maxBytes) throws PkiException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new PkiException("file " + file + " is " + size + " bytes, larger than the limit of " + maxBytes
                        + " bytes for a certificate file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PkiException("file " + file + " does not exist");
        } catch (IOException e) {
            throw new PkiException("cannot read file " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses the content of a certificate file; {@code source} names it in errors. */
    public static Contents parse(byte[] bytes, String source) throws PkiException {
        try {
            return parseContent(bytes, source);
        } catch (RuntimeException e) {
            // a decoder failing in a way no check foresaw: still a refusal naming the file, never a crash
            throw new PkiException("file " + source + " is corrupt: " + message(e), e);
        }
    }

    private static Contents parseContent(byte[] bytes, String source) throws PkiException {
        if (bytes.length == 0) {
            throw new PkiException("file " + source + " is empty");
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return parsePem(bytes, source);
        }
        if ((bytes[0] & 0xff) != 0x30) {
            throw new PkiException("file " + source + " is not a certificate: neither PEM nor DER (expecting PEM"
                    + " '-----BEGIN CERTIFICATE-----', a DER certificate or a PKCS #7 file)");
        }
        ASN1Primitive der = decodeDer(bytes, source, "DER");
        if (isPkcs7(der)) {
            checkPkcs7Size(bytes.length, source);
            return new Contents(pkcs7Certificates(der, source), "PKCS #7");
        }
        return new Contents(List.of(certificate(bytes, source, "DER certificate")), "DER");
    }

    private static Contents parsePem(byte[] bytes, String source) throws PkiException {
        List<X509Certificate> certificates = new ArrayList<>();
        Set<String> others = new TreeSet<>();
        boolean pkcs7 = false;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII);
                PemReader pem = new PemReader(reader)) {
            int index = 0;
            PemObject object;
            while ((object = readPem(pem, source)) != null) {
                index++;
                String type = object.getType().toUpperCase(Locale.ROOT);
                if (CERTIFICATE_PEM.contains(type)) {
                    byte[] der = object.getContent();
                    if (type.equals("TRUSTED CERTIFICATE")) {
                        // OpenSSL's trusted form: the certificate followed by its trust settings
                        der = firstObject(der, source, "PEM block " + index);
                    }
                    certificates.add(certificate(der, source, "PEM block " + index + " (" + object.getType() + ")"));
                } else if (PKCS7_PEM.contains(type)) {
                    pkcs7 = true;
                    ASN1Primitive der = decodeDer(object.getContent(), source, "PEM block " + index + " (PKCS #7)");
                    if (!isPkcs7(der)) {
                        throw new PkiException("file " + source + ": PEM block " + index + " is not a PKCS #7 SignedData");
                    }
                    certificates.addAll(pkcs7Certificates(der, source));
                } else {
                    others.add(object.getType());
                }
            }
        } catch (IOException e) {
            throw new PkiException("file " + source + ": corrupt PEM: " + e.getMessage(), e);
        }
        if (pkcs7) {
            checkPkcs7Size(bytes.length, source);
        }
        if (certificates.isEmpty()) {
            throw new PkiException("file " + source + " holds no certificate" + (others.isEmpty() ? ""
                    : " (found " + String.join(", ", others) + ")"));
        }
        return new Contents(certificates, pkcs7 ? "PEM PKCS #7" : "PEM");
    }

    /** Reads the next PEM object; a block without its END line or with broken base64 is an error, not the end. */
    private static PemObject readPem(PemReader pem, String source) throws PkiException {
        try {
            return pem.readPemObject();
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new PkiException("file " + source + ": corrupt or truncated PEM: " + why, e);
        }
    }

    private static void checkPkcs7Size(int size, String source) throws PkiException {
        if (size > MAX_PKCS7_BYTES) {
            throw new PkiException("file " + source + " is a PKCS #7 file of " + size + " bytes; PKCS #7 files may be"
                    + " at most 7 KB (" + MAX_PKCS7_BYTES + " bytes)");
        }
    }

    private static boolean isPkcs7(ASN1Primitive der) {
        if (!(der instanceof ASN1Sequence) || ((ASN1Sequence) der).size() < 1) {
            return false;
        }
        ASN1Encodable first = ((ASN1Sequence) der).getObjectAt(0);
        return first instanceof ASN1ObjectIdentifier && PKCSObjectIdentifiers.signedData.equals(first);
    }

    private static List<X509Certificate> pkcs7Certificates(ASN1Primitive der, String source) throws PkiException {
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            ContentInfo info = ContentInfo.getInstance(der);
            SignedData signed = SignedData.getInstance(info.getContent());
            ASN1Set set = signed.getCertificates();
            if (set != null) {
                for (ASN1Encodable element : set) {
                    if (element instanceof ASN1TaggedObject) {
                        continue; // an attribute or other certificate format: not an X.509 certificate
                    }
                    byte[] encoded = element.toASN1Primitive().getEncoded(ASN1Encoding.DER);
                    certificates.add(certificate(encoded, source, "PKCS #7 certificate " + (certificates.size() + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiException("file " + source + ": corrupt PKCS #7: " + message(e), e);
        }
        if (certificates.isEmpty()) {
            throw new PkiException("file " + source + ": the PKCS #7 file holds no certificate");
        }
        return certificates;
    }

    private static ASN1Primitive decodeDer(byte[] bytes, String source, String what) throws PkiException {
        try (ASN1InputStream in = new ASN1InputStream(bytes, true)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new PkiException("file " + source + ": " + what + " is empty");
            }
            if (in.available() > 0 || in.readObject() != null) {
                throw new PkiException("file " + source + ": " + what + " has bytes after its end (corrupt or"
                        + " concatenated DER)");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw new PkiException("file " + source + ": " + what + " is truncated or corrupt: " + message(e), e);
        }
    }

    private static byte[] firstObject(byte[] bytes, String source, String what) throws PkiException {
        try (ASN1InputStream in = new ASN1InputStream(bytes, true)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new PkiException("file " + source + ": " + what + " is empty");
            }
            return object.getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw new PkiException("file " + source + ": " + what + " is truncated or corrupt: " + message(e), e);
        }
    }

    /** Decodes one DER certificate with the platform's X.509 parser (strict) after a complete DER decode. */
    static X509Certificate certificate(byte[] der, String source, String what) throws PkiException {
        decodeDer(der, source, what);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new PkiException("file " + source + ": " + what + " is not a valid X.509 certificate: " + message(e), e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
