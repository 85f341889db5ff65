package org.secplane.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A certification authority made with the {@code openssl} command in a directory of its own: a self-signed root
 * (RSA-2048 or EC P-256) that issues end-entity certificates for IKE, with the peer's DNS name as subjectAltName
 * (the ID strongSwan and secplane check the certificate against) and digitalSignature as key usage.
 */
final class OpensslCa {

    private final Path dir;
    private final String name;
    private int serial = 0x1000;

    /** Makes the CA {@code name} ({@code rsa} or {@code ec} key) in {@code dir}: {@code name.pem}, {@code name.key}. */
    OpensslCa(Path dir, String name, String keyType) throws Exception {
        this.dir = dir.toAbsolutePath();
        this.name = name;
        Files.createDirectories(this.dir);
        genpkey(name + ".key", keyType);
        openssl("req", "-x509", "-new", "-key", name + ".key", "-subj", "/C=US/O=secplane interop/CN=" + name, "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", name + ".pem");
    }

    Path certificate() {
        return dir.resolve(name + ".pem");
    }

    /** A key ({@code rsa} or {@code ec}) and a certificate for {@code dnsName}: {@code id.key} and {@code id.pem}. */
    Path issue(String id, String keyType, String dnsName) throws Exception {
        genpkey(id + ".key", keyType);
        openssl("req", "-new", "-key", id + ".key", "-subj", "/C=US/O=secplane interop/CN=" + dnsName, "-out", id + ".csr");
        return sign(dir.resolve(id + ".csr"), id);
    }

    /** Signs a certificate request (e.g. one secplane generated) into {@code id.pem}, for the DNS name of its subject. */
    Path sign(Path request, String id) throws Exception {
        String subject = openssl("req", "-in", request.toString(), "-noout", "-subject");
        String dnsName = subject.replaceFirst("(?s).*CN ?= ?([^,/\\n]+).*", "$1").trim();
        Files.writeString(dir.resolve(id + ".ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                + "subjectAltName=DNS:" + dnsName + "\n");
        openssl("x509", "-req", "-in", request.toString(), "-CA", name + ".pem", "-CAkey", name + ".key", "-set_serial",
                String.valueOf(serial++), "-days", "20", "-sha256", "-extfile", id + ".ext", "-out", id + ".pem");
        return dir.resolve(id + ".pem");
    }

    Path key(String id) {
        return dir.resolve(id + ".key");
    }

    private void genpkey(String file, String keyType) throws Exception {
        if (keyType.equals("ec")) {
            openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file);
        } else {
            openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file);
        }
    }

    private String openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        List<String> inDir = new ArrayList<>(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", dir.toString()));
        inDir.addAll(command);
        return Commands.must(inDir.toArray(new String[0]));
    }
}
