package org.secplane.pki.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.cli.Arguments;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.core.Json;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.crypto.internal.software.BouncyCastleProvider;
import org.secplane.crypto.internal.software.JcaProvider;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.internal.FileObjectStore;
import org.secplane.keystore.internal.KeyPairs;
import org.secplane.pki.internal.cert.Fingerprints;
import org.secplane.pki.internal.cert.PkiCertificates;
import org.secplane.pki.internal.path.PathValidationEngine;

/**
 * The certificate commands as the CLI runs them (arguments parsed by their spec, answers to questions
 * scripted, output captured): the guide's messages and prompts, and "no" storing nothing.
 */
class CertificateCommandsTest {

    private static RankingCryptoRegistry registry;

    @TempDir
    Path dir;

    private FileObjectStore store;
    private KeyPairs keys;
    private CertificatesComponent certificates;

    @BeforeEach
    void start() throws Exception {
        synchronized (CertificateCommandsTest.class) {
            if (registry == null) {
                registry = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults());
                registry.addProvider(new JcaProvider());
                registry.addProvider(new BouncyCastleProvider());
                registry.awaitTests();
            }
        }
        store = FileObjectStore.open(dir.resolve("state/pki"), new SecureRandom(), w -> { });
        keys = new KeyPairs(store, registry, w -> { });
        keys.configure(KeyPairInfo.Backend.SOFTWARE, null);
        certificates = new CertificatesComponent(store, keys, new PathValidationEngine(), registry);
        certificates.addProfile(new CaProfileComponent(Map.of("secplane.name", "ca1", "ca-identity", "example.net")));
    }

    @AfterEach
    void stop() {
        keys.close();
        store.close();
    }

    /** Runs {@code command} with {@code line}; {@code answers} answer its questions in turn. */
    private String run(OperationalCommand command, String line, String... answers) throws Exception {
        return run(command, line, Invocation.Display.TEXT, answers);
    }

    private String run(OperationalCommand command, String line, Invocation.Display display, String... answers)
            throws Exception {
        List<String> words = JunosWords.split(line);
        Arguments arguments = command.arguments().parse(words);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Deque<String> scripted = new java.util.ArrayDeque<>(List.of(answers));
        try {
            command.execute(new Invocation() {
                @Override
                public Arguments arguments() {
                    return arguments;
                }

                @Override
                public List<String> words() {
                    return words;
                }

                @Override
                public Display display() {
                    return display;
                }

                @Override
                public String user() {
                    return "admin";
                }

                @Override
                public Path workingDirectory() {
                    return dir;
                }

                @Override
                public void print(Report report) {
                    if (display == Display.JSON) {
                        out.print(Json.write(report.data()));
                    } else {
                        report.printText(out);
                    }
                }

                @Override
                public PrintStream out() {
                    return out;
                }

                @Override
                public boolean confirm(String question) {
                    String answer = scripted.isEmpty() ? "" : scripted.pop();
                    out.println(question + " [yes,no] (no) " + answer);
                    return answer.equals("yes");
                }
            });
        } catch (CommandFailedException e) {
            out.println("error: " + e.getMessage());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Path caFile() throws Exception {
        keys.generate("ca-key", KeyType.RSA, 1024);
        String out = run(new RequestSecurityPkiLocalCertificateGenerateSelfSigned(certificates),
                "certificate-id ca-key subject \"CN=Test CA,O=example,C=US\" domain-name ca.example.net add-ca-constraint");
        assertEquals("Self-signed certificate generated and loaded successfully\n", out);
        run(new RequestSecurityPkiLocalCertificateExport(certificates), "certificate-id ca-key filename ca.pem type pem");
        return dir.resolve("ca.pem");
    }

    /** §7 item 8: fingerprint, prompt, loaded only on yes. */
    @Test
    void caCertificateLoadShowsTheFingerprintAndLoadsOnlyOnYes() throws Exception {
        Path ca = caFile();
        byte[] der = certificates.engine().localCertificate("ca-key").orElseThrow().getEncoded();
        RequestSecurityPkiCaCertificateLoad load = new RequestSecurityPkiCaCertificateLoad(certificates);
        String no = run(load, "ca-profile ca1 filename ca.pem", "no");
        assertEquals("\nFingerprint:\n  " + Fingerprints.sha1(der) + " (sha1)\n  " + Fingerprints.md5(der) + " (md5)\n"
                + "Do you want to load this CA certificate ? [yes,no] (no) no\nCA certificate for profile ca1 not loaded\n", no);
        assertTrue(certificates.caCertificates().isEmpty(), "no: nothing stored");
        assertEquals("error: file " + dir.resolve("none.pem") + " does not exist\n",
                run(new RequestSecurityPkiCaCertificateLoad(certificates), "ca-profile ca1 filename none.pem", "yes"));
        String yes = run(load, "ca-profile ca1 filename " + ca, "yes");
        assertTrue(yes.endsWith("Do you want to load this CA certificate ? [yes,no] (no) yes\n\n"
                + "CA certificate for profile ca1 loaded successfully\n"), yes);
        assertEquals(1, certificates.caCertificates().size());
        assertEquals("CA certificate ca1 verified successfully\n",
                run(new RequestSecurityPkiCaCertificateVerify(certificates), "ca-profile ca1"));

        assertEquals("error: CA profile nope is not configured; configure it first ('set security pki ca-profile nope"
                + " ca-identity <ca-identity>') and commit\n", run(load, "ca-profile nope filename ca.pem", "yes"));

        ClearSecurityPkiCaCertificate clear = new ClearSecurityPkiCaCertificate(certificates);
        assertEquals("Do you want to delete the CA certificate of CA profile ca1 ? [yes,no] (no) no\n",
                run(clear, "ca-profile ca1", "no"));
        assertEquals(1, certificates.caCertificates().size(), "§7 item 25: deleted only after yes");
        run(clear, "ca-profile ca1", "yes");
        assertTrue(certificates.caCertificates().isEmpty());
    }

    /** §7 item 27: one prompt, the count, one line per certificate, the summary with the skipped ones. */
    @Test
    void caProfileGroupLoadReportsEachCertificate() throws Exception {
        Path ca = caFile();
        keys.generate("ee", KeyType.RSA, 1024);
        run(new RequestSecurityPkiLocalCertificateGenerateSelfSigned(certificates),
                "certificate-id ee subject CN=ee email ee@example.net");
        run(new RequestSecurityPkiLocalCertificateExport(certificates), "certificate-id ee filename ee.pem");
        Files.writeString(dir.resolve("bundle.pem"), Files.readString(ca) + Files.readString(dir.resolve("ee.pem"))
                + Files.readString(ca));
        String out = run(new RequestSecurityPkiCaCertificateCaProfileGroupLoad(certificates),
                "ca-group-name ca-default filename bundle.pem", "yes");
        assertEquals("Do you want to load this CA certificate ? [yes,no] (no) yes\n\n"
                + "Loading 3 certificates for group 'ca-default'.\n"
                + "ca-default_1_sysgen: Loading done.\n"
                + "ca-default_2_sysgen: Skipped: not a CA certificate.\n"
                + "ca-default_3_sysgen: Skipped: already loaded.\n"
                + "ca-profile-group 'ca-default' successfully loaded. Success[1] Skipped[2]\n", out);
        assertEquals(List.of("ca-default_1_sysgen"), certificates.caCertificates().stream().map(c -> c.caProfile()).toList());
        assertTrue(run(new ShowSecurityPkiCaCertificate(certificates), "ca-profile ca-default_1_sysgen")
                .startsWith("Certificate identifier: ca-default_1_sysgen\n  Issued to: Test CA, Issued by: CN = Test CA"));
        assertTrue(run(new RequestSecurityPkiCaCertificateCaProfileGroupLoad(certificates),
                "ca-group-name ca-default filename bundle.pem", "yes").startsWith("error: CA profile group ca-default is"
                        + " already loaded"));
        run(new ClearSecurityPkiCaCertificate(certificates), "ca-profile-group ca-default", "yes");
        assertTrue(certificates.caCertificates().isEmpty());
    }

    /** §7 item 4: the request's output, the file, and the pending request in show (brief, detail, JSON). */
    @Test
    void certificateRequestIsPrintedWrittenAndShown() throws Exception {
        keys.generate("ms-cert", KeyType.RSA, 1024);
        String out = run(new RequestSecurityPkiGenerateCertificateRequest(certificates),
                "certificate-id ms-cert subject \"CN=John Doe,CN=1.1.1.2,OU=sales,O=Example, L=Sunnyvale,ST=CA,C=US\""
                        + " email user@example.net filename ms-cert-req");
        List<String> lines = List.of(out.split("\n"));
        assertEquals("Generated certificate request", lines.get(0));
        assertEquals("-----BEGIN CERTIFICATE REQUEST-----", lines.get(1));
        int end = lines.indexOf("-----END CERTIFICATE REQUEST-----");
        assertEquals("Fingerprint:", lines.get(end + 1));
        assertTrue(lines.get(end + 2).matches("([0-9a-f]{2}:){19}[0-9a-f]{2} \\(sha1\\)"), lines.get(end + 2));
        assertTrue(lines.get(end + 3).matches("([0-9a-f]{2}:){15}[0-9a-f]{2} \\(md5\\)"), lines.get(end + 3));
        assertEquals(end + 4, lines.size());
        String pem = String.join("\n", lines.subList(1, end + 1)) + "\n";
        assertEquals(pem, Files.readString(dir.resolve("ms-cert-req")), "the same PEM in the file");

        ShowSecurityPkiCertificateRequest show = new ShowSecurityPkiCertificateRequest(certificates);
        assertEquals("Certificate identifier: ms-cert\n  Issued to: John Doe\n  Public key algorithm: rsaEncryption(1024 bits)\n",
                run(show, "certificate-id ms-cert brief"));
        List<String> detail = List.of(run(show, "detail").split("\n"));
        assertEquals(List.of("Certificate identifier: ms-cert", "  Certificate version: 1", "  Issued to: John Doe",
                "  Subject:", "    Organization: Example, Organizational unit: sales, Country: US, State: CA,",
                "    Locality: Sunnyvale, Common name: John Doe, Common name: 1.1.1.2",
                "  Alternate subject: \"user@example.net\", fqdn empty, ip empty",
                "  Public key algorithm: rsaEncryption(1024 bits)"), detail.subList(0, 8));
        assertTrue(detail.contains("  Public key verification status: Passed"), detail.toString());
        assertEquals("  Use for key: Key encipherment, Digital signature", detail.get(detail.size() - 1));
        String json = run(show, "", Invocation.Display.JSON);
        assertTrue(json.contains("\"certificate-identifier\": \"ms-cert\"") && json.contains("\"issued-to\": \"John Doe\""),
                json);

        assertEquals("error: you must use a domain-name, an ip-address or an email\n", run(
                new RequestSecurityPkiGenerateCertificateRequest(certificates), "certificate-id ms-cert subject CN=x"));
        run(new ClearSecurityPkiCertificateRequest(certificates), "certificate-id ms-cert");
        assertEquals("", run(show, ""));
    }

    /** §7 items 21, 22, 28: the system-generated certificate in show; clear all keeps it, clear system-generated renews it. */
    @Test
    void localCertificateShowAndClear() throws Exception {
        ShowSecurityPkiLocalCertificate show = new ShowSecurityPkiLocalCertificate(certificates);
        String brief = run(show, "system-generated");
        String serial = certificates.engine().deviceSerial();
        assertTrue(brief.startsWith("Certificate identifier: system-generated\n  Issued to: " + serial + ", Issued by: CN = "
                + serial + ", CN = system generated,"), brief);
        String detail = run(show, "certificate-id system-generated detail");
        assertTrue(detail.contains("  Subject string:\n    CN=" + serial + ", CN=system generated, CN=self-signed\n"), detail);
        assertTrue(detail.contains("  Public key algorithm: rsaEncryption(2048 bits)\n"), detail);
        assertTrue(detail.contains("  Signature algorithm: sha256WithRSAEncryption\n"), detail);

        ClearSecurityPkiLocalCertificate clear = new ClearSecurityPkiLocalCertificate(certificates);
        assertEquals("", run(clear, "all"));
        assertEquals(brief, run(show, ""), "clear all leaves the system-generated certificate");
        assertEquals("", run(clear, "system-generated"));
        assertFalse(run(show, "detail").equals(detail), "a new certificate");
        assertEquals("error: local certificate nope does not exist\n", run(clear, "certificate-id nope"));
        assertEquals("error: local certificate nope does not exist\n", run(show, "certificate-id nope"));
        assertEquals("Local certificate system-generated verification success\n",
                run(new RequestSecurityPkiLocalCertificateVerify(certificates), "certificate-id system-generated"));
    }

    /** Words as the CLI splits them: blanks separate, double quotes group. */
    static final class JunosWords {
        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                    any = true;
                } else if (c == ' ' && !quoted) {
                    if (any) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    any = false;
                } else {
                    word.append(c);
                    any = true;
                }
            }
            if (any) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
