package org.secplane.itests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real strongSwan 5.9 charon in a network namespace, as ../shared/interop/strongswan.md runs it: its own
 * {@code strongswan.conf} (explicit plugin list with kernel-libipsec before kernel-netlink, a vici socket and a
 * log file of its own, no syslog), a private {@code /run} (the pid file is hard-coded), credentials and
 * connections in its own {@code swanctl} directory, driven with {@code swanctl --uri}. Stopped by its PID.
 */
public final class StrongSwanPeer implements AutoCloseable {

    private final String namespace;
    private final Path dir;
    private String settings = "";
    private Process charon;

    /** A peer whose files live in {@code dir} (created) and that runs in {@code namespace}. */
    public StrongSwanPeer(String namespace, Path dir) throws IOException {
        this.namespace = namespace;
        this.dir = dir.toAbsolutePath();
        Files.createDirectories(this.dir.resolve("run"));
        for (String sub : List.of("x509", "x509ca", "x509ocsp", "x509aa", "x509ac", "x509crl", "private", "rsa", "ecdsa", "pkcs8",
                "pkcs12", "pubkey", "bliss", "conf.d")) {
            Files.createDirectories(this.dir.resolve("swanctl").resolve(sub));
        }
    }

    /** Whether charon and swanctl are installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/lib/ipsec/charon")) && Files.isExecutable(Path.of("/usr/sbin/swanctl"));
    }

    public Path dir() {
        return dir;
    }

    public Path log() {
        return dir.resolve("charon.log");
    }

    /** Extra {@code charon { … }} settings, e.g. {@code cookie_threshold = 1}; used at the next {@link #start}. */
    public StrongSwanPeer settings(String charonSettings) {
        this.settings = charonSettings;
        return this;
    }

    /** Writes {@code swanctl.conf} (connections and secrets). */
    public void connections(String swanctlConf) throws IOException {
        Files.writeString(dir.resolve("swanctl/swanctl.conf"), swanctlConf);
    }

    /** Starts charon and loads everything in the swanctl directory; returns when its vici socket answers. */
    public void start() throws Exception {
        writeStrongswanConf();
        Files.deleteIfExists(dir.resolve("charon.vici"));
        Files.deleteIfExists(dir.resolve("run/charon.pid"));
        ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", namespace, "sh", "-c",
                "mount --bind " + dir.resolve("run") + " /run && exec /usr/lib/ipsec/charon")
                .redirectErrorStream(true).redirectOutput(dir.resolve("charon.stdout").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString());
        charon = builder.start();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!Files.exists(dir.resolve("charon.vici"))) {
            if (!charon.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("charon in " + namespace + " did not start: "
                        + Files.readString(dir.resolve("charon.stdout")));
            }
            Thread.sleep(50);
        }
        String loaded = swanctl("--load-all");
        if (!loaded.contains("successfully loaded")) {
            throw new IllegalStateException("swanctl --load-all: " + loaded);
        }
    }

    /** Stops charon (SIGTERM; it deletes its SAs) and waits for it. */
    public void stop() throws Exception {
        if (charon != null && charon.isAlive()) {
            charon.destroy();
            if (!charon.waitFor(10, TimeUnit.SECONDS)) {
                charon.destroyForcibly().waitFor();
            }
        }
        charon = null;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** Runs {@code swanctl ARGS --uri …} against this charon; returns what it printed. */
    public String swanctl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/sbin/swanctl"));
        command.addAll(List.of(arguments));
        command.add("--uri");
        command.add("unix://" + dir.resolve("charon.vici"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("SWANCTL_DIR", dir.resolve("swanctl").toString());
        builder.environment().put("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString());
        Process p = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("swanctl " + arguments[0] + " did not finish");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The IKE SAs as {@code swanctl --list-sas --pretty} reports them, each its vici section (nested maps of
     * strings, lists of strings for traffic selectors; {@code child-sas} inside) with its connection's name added
     * as {@code name}.
     */
    public List<Map<String, Object>> ikeSas() throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : Vici.parse(swanctl("--list-sas", "--pretty"), "list-sa event {")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> sa = new LinkedHashMap<>((Map<String, Object>) e.getValue());
            sa.put("name", e.getKey());
            out.add(sa);
        }
        return out;
    }

    private void writeStrongswanConf() throws IOException {
        String plugins = "random nonce openssl aes sha1 sha2 md5 hmac gmp curve25519 gcm pem pkcs1 pkcs8 x509 pubkey revocation "
                + "constraints kdf";
        Files.writeString(dir.resolve("strongswan.conf"), String.join("\n",
                "charon {",
                "  load = " + plugins + " kernel-libipsec kernel-netlink socket-default vici updown",
                "  plugins {",
                "    vici {",
                "      socket = unix://" + dir.resolve("charon.vici"),
                "    }",
                "  }",
                "  reuse_ikesa = no",
                "  threads = 32",
                "  cookie_threshold_ip = 10000",
                "  block_threshold = 10000",
                settings,
                "  filelog {",
                "    peer {",
                "      path = " + log(),
                "      time_format = %T",
                "      time_add_ms = yes",
                "      default = 1",
                "      net = 2",
                "      ike = 2",
                "      flush_line = yes",
                "    }",
                "  }",
                "  syslog {",
                "    daemon {",
                "      default = -1",
                "    }",
                "  }",
                "}",
                "swanctl {",
                "  load = " + plugins,
                "}",
                "pki {",
                "  load = " + plugins,
                "}", ""));
    }

    /**
     * The {@code --pretty} form of vici messages, one statement per line: {@code name {}, {@code key = value},
     * {@code key = [} … {@code ]}, {@code }}. Values may hold blanks (distinguished names).
     */
    static final class Vici {
        private Vici() {
        }

        /** The top-level sections (name, content) of every message that starts with {@code header}. */
        static List<Map.Entry<String, Object>> parse(String text, String header) {
            List<Map.Entry<String, Object>> all = new ArrayList<>();
            String[] lines = text.split("\n");
            int[] at = {0};
            while (at[0] < lines.length) {
                if (lines[at[0]].trim().equals(header)) {
                    at[0]++;
                    all.addAll(section(lines, at).entrySet());
                } else {
                    at[0]++;
                }
            }
            return all;
        }

        private static Map<String, Object> section(String[] lines, int[] at) {
            Map<String, Object> out = new LinkedHashMap<>();
            while (at[0] < lines.length) {
                String line = lines[at[0]++].trim();
                if (line.equals("}")) {
                    return out;
                }
                if (line.endsWith(" {")) {
                    out.put(line.substring(0, line.length() - 2).trim(), section(lines, at));
                    continue;
                }
                int eq = line.indexOf(" = ");
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 3);
                if (value.equals("[")) {
                    List<String> items = new ArrayList<>();
                    while (at[0] < lines.length && !lines[at[0]].trim().equals("]")) {
                        items.add(lines[at[0]++].trim());
                    }
                    at[0]++;
                    out.put(key, items);
                } else {
                    out.put(key, value);
                }
            }
            return out;
        }
    }
}
