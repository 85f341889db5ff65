package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The PKI certificate commands in the real distribution, driven as scripts drive it ({@code printf … |
 * bin/client -b}), with OpenSSL as the CA (a real process): the system-generated certificate present after
 * the first start; a CA certificate loaded with the prompt answered no (nothing stored) and yes; key pair,
 * request, OpenSSL signs it, loaded back, shown (brief, detail, JSON), verified, exported (OpenSSL verifies
 * the export); bad input, each a clear error with nothing stored; everything kept over a restart; clear,
 * the system-generated certificate renewed. Item numbers are those of pki.md §7.
 */
public class PkiCertificatesIT {

    private static RunningDistribution distribution;
    private static Path work;

    @BeforeClass
    public static void startDistribution() throws Exception {
        distribution = RunningDistribution.start(Paths.get("target/dist-pki"), Map.of());
        work = Files.createDirectories(Paths.get("target/pki-it").toAbsolutePath());
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @AfterClass
    public static void stopDistribution() throws Exception {
        if (distribution != null) {
            distribution.close();
        }
    }

    private static String run(String lines) throws Exception {
        return distribution.batch(lines);
    }

    private static String file(String name) {
        return work.resolve(name).toString();
    }

    private static String openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        }
        assertTrue("openssl did not finish", process.waitFor(60, TimeUnit.SECONDS));
        String text = output.toString(StandardCharsets.UTF_8);
        assertEquals("openssl " + command + ": " + text, 0, process.exitValue());
        return text;
    }

    /** An OpenSSL CA ({@code ca.key}, {@code ca.pem}) and its {@code openssl ca} configuration. */
    private static void opensslCa() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-subj", "/C=US/O=example/CN=Openssl-CA",
                "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", "ca.pem");
        Files.writeString(work.resolve("ee.ext"), "keyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n");
        Files.writeString(work.resolve("ca.cnf"), "[ca]\ndefault_ca = own\n[own]\ndatabase = index.txt\nnew_certs_dir = .\n"
                + "serial = serial\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\nunique_subject = no\n"
                + "[any]\ncommonName = supplied\n");
        Files.writeString(work.resolve("index.txt"), "");
        Files.writeString(work.resolve("serial"), "1000\n");
    }

    /** Signs {@code csr} with the OpenSSL CA, valid from {@code start} to {@code end} (YYYYMMDDHHMMSSZ) or for 20 days. */
    private static void sign(String csr, String out, String start, String end) throws Exception {
        List<String> args = new ArrayList<>(List.of("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key",
                "-in", csr, "-out", out, "-notext", "-extfile", "ee.ext"));
        if (start != null) {
            args.addAll(List.of("-startdate", start, "-enddate", end));
        } else {
            args.addAll(List.of("-days", "20"));
        }
        openssl(args.toArray(new String[0]));
    }

    private static String serialOf(String detail) {
        Matcher m = Pattern.compile("Serial number: ([0-9a-f]+)").matcher(detail);
        assertTrue(detail, m.find());
        return m.group(1);
    }

    @Test
    public void certificatesEndToEndWithOpensslAsTheCa() throws Exception {
        // §7 item 21: the system-generated certificate exists after the first start
        String system = run("show security pki local-certificate system-generated detail\n");
        assertTrue(system, system.startsWith("Certificate identifier: system-generated\n  Certificate version: 3\n"));
        assertTrue(system, system.contains(", CN=system generated, CN=self-signed\n"));
        String systemSerial = serialOf(system);

        String committed = run("configure\nset security pki ca-profile Openssl-CA ca-identity openssl-ca\ncommit\nexit\n");
        assertTrue(committed, committed.contains("commit complete"));
        String component = "";
        for (int attempt = 0; attempt < 10 && !component.contains("secplane.name = Openssl-CA"); attempt++) {
            component = run("service:list org.secplane.pki.component.CaProfileComponent\n"); // Config Admin is asynchronous
        }
        assertTrue("the CA profile is a component driven by Config Admin: " + component,
                component.contains("secplane.name = Openssl-CA"));
        opensslCa();

        // §7 item 8: fingerprint and prompt; "no" stores nothing, "yes" loads
        String no = run("request security pki ca-certificate load ca-profile Openssl-CA filename " + file("ca.pem") + "\nno\n");
        String sha1 = openssl("x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha1").trim().replaceFirst(".*=", "")
                .toLowerCase();
        assertTrue(no, no.contains("Fingerprint:\n  " + sha1 + " (sha1)\n"));
        assertTrue(no, no.contains("Do you want to load this CA certificate ? [yes,no] (no) no"));
        assertTrue(no, no.contains("CA certificate for profile Openssl-CA not loaded"));
        assertEquals("", run("show security pki ca-certificate\n").trim());
        String yes = run("request security pki ca-certificate load ca-profile Openssl-CA filename " + file("ca.pem") + "\nyes\n");
        assertTrue(yes, yes.contains("Do you want to load this CA certificate ? [yes,no] (no) yes"));
        assertTrue(yes, yes.contains("CA certificate for profile Openssl-CA loaded successfully"));

        // key pair, request (§7 item 4), openssl verifies and signs it, loaded back (§7 item 9)
        String request = run("request security pki generate-key-pair certificate-id vpn1 size 2048\n"
                + "request security pki generate-certificate-request certificate-id vpn1 subject \"CN=vpn1.example.net,O=example,C=US\""
                + " domain-name vpn1.example.net ip-address 192.0.2.1 digest sha256 filename " + file("vpn1.csr") + "\n");
        assertTrue(request, request.contains("Generated key pair vpn1, key size 2048 bits\nGenerated certificate request\n"
                + "-----BEGIN CERTIFICATE REQUEST-----\n"));
        assertTrue(request, request.contains("-----END CERTIFICATE REQUEST-----\nFingerprint:\n"));
        assertTrue(openssl("req", "-in", "vpn1.csr", "-verify", "-noout").contains("verify OK"));
        String pending = run("show security pki certificate-request\n");
        assertEquals("Certificate identifier: vpn1\n  Issued to: vpn1.example.net\n  Public key algorithm: rsaEncryption(2048 bits)",
                pending.trim());
        sign("vpn1.csr", "vpn1.pem", null, null);
        String loaded = run("request security pki local-certificate load certificate-id vpn1 filename " + file("vpn1.pem") + "\n");
        assertEquals("Local certificate loaded successfully", loaded.trim());
        assertEquals("the request is replaced by the certificate (L473)", "", run("show security pki certificate-request\n").trim());

        // show: brief, detail, JSON (§7 item 28)
        String brief = run("show security pki local-certificate certificate-id vpn1\n");
        assertTrue(brief, brief.startsWith("Certificate identifier: vpn1\n  Issued to: vpn1.example.net, Issued by: C = US,"
                + " O = example, CN = Openssl-CA\n  Validity:\n    Not before: "));
        assertTrue(brief, brief.contains("\n  Public key algorithm: rsaEncryption(2048 bits)"));
        String detail = run("show security pki local-certificate certificate-id vpn1 detail\n");
        assertTrue(detail, detail.contains("  Serial number: 1000\n"));
        assertTrue(detail, detail.contains("  Alternate subject: email empty, vpn1.example.net, 192.0.2.1\n"));
        assertTrue(detail, detail.contains("  Signature algorithm: sha256WithRSAEncryption\n  Use for key: Digital signature\n"));
        String all = run("show security pki local-certificate\n");
        assertTrue(all, all.contains("Certificate identifier: system-generated\n") && all.contains("Certificate identifier: vpn1\n"));
        String json = run("show security pki ca-certificate detail | display json\n");
        assertTrue(json, json.contains("\"certificate-identifier\": \"Openssl-CA\"") && json.contains("\"sha1\": \"" + sha1 + "\""));

        // verify (§7 item 18)
        assertEquals("Local certificate vpn1 verification success",
                run("request security pki local-certificate verify certificate-id vpn1\n").trim());
        assertEquals("CA certificate Openssl-CA verified successfully",
                run("request security pki ca-certificate verify ca-profile Openssl-CA\n").trim());

        // export (§7 item 24), OpenSSL accepts what was exported
        String exported = run("request security pki local-certificate export certificate-id vpn1 filename " + file("out.pem")
                + " type pem\nrequest security pki local-certificate export certificate-id system-generated filename "
                + file("system.der") + " type der\n");
        assertEquals("certificate exported successfully\ncertificate exported successfully", exported.trim());
        assertTrue(openssl("verify", "-CAfile", "ca.pem", "out.pem").contains("out.pem: OK"));
        openssl("x509", "-inform", "DER", "-in", "system.der", "-out", "system.pem");
        assertTrue(openssl("verify", "-CAfile", "system.pem", "system.pem").contains("system.pem: OK"));

        badInputIsRefusedWithNothingStored();

        // restart keeps everything (§7 item 21: the system-generated certificate too)
        distribution.close();
        distribution.restart();
        String after = run("show security pki local-certificate system-generated detail\n");
        assertEquals(systemSerial, serialOf(after));
        assertTrue(run("show security pki ca-certificate\n").contains("Certificate identifier: Openssl-CA\n"));
        assertEquals("Local certificate vpn1 verification success",
                run("request security pki local-certificate verify certificate-id vpn1\n").trim());

        // clear (§7 items 22, 25)
        assertEquals("", run("clear security pki local-certificate all\n").trim());
        String remaining = run("show security pki local-certificate\n");
        assertTrue(remaining, remaining.startsWith("Certificate identifier: system-generated\n"));
        assertFalse(remaining, remaining.contains("vpn1"));
        assertEquals("", run("clear security pki local-certificate system-generated\n").trim());
        assertFalse("a new system-generated certificate", systemSerial.equals(serialOf(
                run("show security pki local-certificate system-generated detail\n"))));
        String clearCa = run("clear security pki ca-certificate ca-profile Openssl-CA\nno\n");
        assertTrue(clearCa, clearCa.contains("Do you want to delete the CA certificate of CA profile Openssl-CA ? [yes,no] (no) no"));
        assertTrue(run("show security pki ca-certificate\n").contains("Openssl-CA"));
        run("clear security pki ca-certificate ca-profile Openssl-CA\nyes\n");
        assertEquals("", run("show security pki ca-certificate\n").trim());
        assertEquals("All PKI objects: verification success", run("request security pki verify-integrity-status\n").trim());
    }

    /** The brief's bad inputs: each a clear error, nothing stored. */
    private static void badInputIsRefusedWithNothingStored() throws Exception {
        String profile = run("configure\nset security pki ca-profile Empty ca-identity empty\ncommit\nexit\n");
        assertTrue(profile, profile.contains("commit complete"));
        String before = run("show security pki ca-certificate\nshow security pki local-certificate\n");

        Files.writeString(work.resolve("truncated.pem"), Files.readString(work.resolve("ca.pem")).substring(0, 300));
        String truncated = run("request security pki ca-certificate load ca-profile Empty filename " + file("truncated.pem") + "\n");
        assertTrue(truncated, truncated.contains("error: file " + file("truncated.pem") + ": corrupt or truncated PEM"));

        String unknown = run("request security pki ca-certificate load ca-profile Nope filename " + file("ca.pem") + "\n");
        assertTrue(unknown, unknown.contains("error: CA profile Nope is not configured"));

        // a PKCS #7 over 7 KB: twelve certificates
        List<String> args = new ArrayList<>(List.of("crl2pkcs7", "-nocrl", "-outform", "DER", "-out", "big.p7b"));
        for (int i = 0; i < 12; i++) {
            args.addAll(List.of("-certfile", i % 2 == 0 ? "ca.pem" : "vpn1.pem"));
        }
        openssl(args.toArray(new String[0]));
        String big = run("request security pki ca-certificate load ca-profile Empty filename " + file("big.p7b") + "\n");
        assertTrue(big, big.contains("error: file " + file("big.p7b") + " is a PKCS #7 file of "));
        assertTrue(big, big.contains("PKCS #7 files may be at most 7 KB (7168 bytes)"));

        String mismatch = run("request security pki generate-key-pair certificate-id vpn2\n"
                + "request security pki local-certificate load certificate-id vpn2 filename " + file("vpn1.pem") + "\n");
        assertTrue(mismatch, mismatch.contains("error: the certificate in " + file("vpn1.pem") + " does not belong to key pair vpn2"));

        Files.write(work.resolve("garbage.der"), new byte[] {0x30, (byte) 0x82, 0x05, 0x00, 0x01, 0x02});
        String corrupt = run("request security pki local-certificate load certificate-id vpn2 filename " + file("garbage.der") + "\n");
        assertTrue(corrupt, corrupt.contains("error: file " + file("garbage.der") + ": DER is truncated or corrupt"));

        assertEquals("nothing stored by any of them", before,
                run("show security pki ca-certificate\nshow security pki local-certificate\n"));

        // certificates that have expired or are not yet valid load, and fail verification with a clear error
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "old.key", "-subj", "/CN=old", "-out", "old.csr");
        sign("old.csr", "old.pem", "20200101000000Z", "20210101000000Z");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "future.key", "-subj", "/CN=future", "-out", "future.csr");
        sign("future.csr", "future.pem", "20990101000000Z", "20991231000000Z");
        String verified = run("request security pki local-certificate load certificate-id old filename " + file("old.pem")
                + " key " + file("old.key") + "\nrequest security pki local-certificate verify certificate-id old\n"
                + "request security pki local-certificate load certificate-id future filename " + file("future.pem")
                + " key " + file("future.key") + "\nrequest security pki local-certificate verify certificate-id future\n");
        assertTrue(verified, verified.contains("error: Local certificate old: verification failed: certificate \"CN = old\""
                + " has expired (not after 01- 1-2021 00:00 UTC)"));
        assertTrue(verified, verified.contains("error: Local certificate future: verification failed: certificate"
                + " \"CN = future\" is not yet valid (not before 01- 1-2099 00:00 UTC)"));
        run("clear security pki local-certificate certificate-id old\nclear security pki local-certificate certificate-id future\n"
                + "clear security pki key-pair certificate-id old\nclear security pki key-pair certificate-id future\n");
    }
}
