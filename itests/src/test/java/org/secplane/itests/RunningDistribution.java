package org.secplane.itests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reactor-built distribution unpacked into a directory of its own and started with {@code bin/start}
 * on free ports, driven exactly as scripts drive it: {@code printf 'CMD\n' | bin/client -u admin -p admin -b}.
 *
 * <p>It writes {@code etc/org.secplane.platform.cfg} with {@code family = simulator} unless told otherwise
 * ({@link Platform}), so a test never touches the host's networking by accident. With
 * {@link Platform#linux} it runs every command ({@code bin/start}, {@code bin/client}, {@code bin/stop})
 * inside a network namespace, so the TUN devices and routes it makes stay there.
 */
public final class RunningDistribution implements AutoCloseable {

    public static final String USER = "admin";
    public static final String PASSWORD = "admin";
    private static final String JAVA_HOME = "/usr/lib/jvm/java-17-openjdk-amd64";

    private final Path home;
    private final Map<String, String> environment;
    private final Platform platform;

    private RunningDistribution(Path home, Map<String, String> environment, Platform platform) {
        this.home = home;
        this.environment = environment;
        this.platform = platform;
    }

    /** What {@code etc/org.secplane.platform.cfg} says, and the network namespace to run in (or none). */
    public static final class Platform {
        private final Map<String, String> properties;
        private final String namespace;

        private Platform(Map<String, String> properties, String namespace) {
            this.properties = properties;
            this.namespace = namespace;
        }

        /** {@code family = simulator}: nothing on the host's networking changes. The default. */
        public static Platform simulator() {
            return new Platform(Map.of("family", "simulator"), null);
        }

        /**
         * {@code family = linux} plus {@code properties} (e.g. {@code interface-map}), every command run with
         * {@code ip netns exec namespace} (the namespace must exist).
         */
        public static Platform linux(String namespace, Map<String, String> properties) {
            Map<String, String> all = new java.util.LinkedHashMap<>();
            all.put("family", "linux");
            all.putAll(properties);
            return new Platform(all, namespace);
        }
    }

    /** Unpacks a fresh copy under {@code directory} and starts it on the simulator family. */
    public static RunningDistribution start(Path directory, Map<String, String> environment) throws Exception {
        return start(directory, environment, Platform.simulator());
    }

    /** Unpacks a fresh copy under {@code directory} and starts it; returns once the shell answers. */
    public static RunningDistribution start(Path directory, Map<String, String> environment, Platform platform)
            throws Exception {
        Path home = unpack(directory);
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", KarafTestSupport.freePort());
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", KarafTestSupport.freePort());
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", KarafTestSupport.freePort());
        Path platformCfg = home.resolve("etc/org.secplane.platform.cfg");
        if (!Files.exists(platformCfg)) {
            Files.createFile(platformCfg);
        }
        for (Map.Entry<String, String> property : platform.properties.entrySet()) {
            setProperty(platformCfg, property.getKey(), property.getValue());
        }
        RunningDistribution distribution = new RunningDistribution(home, environment, platform);
        distribution.run(List.of("bin/start"), null, Duration.ofSeconds(60));
        try {
            distribution.awaitShell(Duration.ofSeconds(120));
        } catch (Exception | AssertionError e) {
            try {
                distribution.kill(); // leave nothing running behind a failed start
            } catch (IOException | RuntimeException ignored) {
                // it did not even write its pid
            }
            throw e;
        }
        return distribution;
    }

    public Path home() {
        return home;
    }

    /** Pipes {@code lines} into {@code bin/client -b} and returns what it printed (stdout and stderr). */
    public String batch(String lines) throws Exception {
        return run(List.of("bin/client", "-u", USER, "-p", PASSWORD, "-b"), lines, Duration.ofSeconds(120));
    }

    private void awaitShell(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = run(List.of("bin/client", "-u", USER, "-p", PASSWORD, "-b", "-r", "1", "-d", "1"),
                    "show version\n", Duration.ofSeconds(30));
            if (last.contains("secplane release")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("distribution in " + home + " did not answer within " + timeout
                + "; last output: " + last + "\nlog:\n" + logTail());
    }

    public String logTail() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        if (!Files.exists(log)) {
            return "(no karaf.log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private String run(List<String> command, String stdin, Duration timeout) throws Exception {
        if (platform.namespace != null) {
            List<String> inNamespace = new ArrayList<>(List.of("ip", "netns", "exec", platform.namespace));
            inNamespace.addAll(command);
            command = inNamespace;
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().putAll(environment);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process = builder.start();
        if (stdin != null) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream out = process.getInputStream()) {
            out.transferTo(output);
        }
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeout);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Stops the distribution and waits until its process is gone ({@code bin/stop} is asynchronous). */
    @Override
    public void close() throws Exception {
        Path pidFile = home.resolve("karaf.pid");
        String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : null;
        run(List.of("bin/stop"), null, Duration.ofSeconds(60));
        if (pid != null) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(handle -> {
                try {
                    handle.onExit().get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            });
        }
    }

    /** Starts the distribution again after {@link #kill} or {@link #close}, keeping its state. */
    public void restart() throws Exception {
        run(List.of("bin/start"), null, Duration.ofSeconds(60));
        awaitShell(Duration.ofSeconds(120));
    }

    /** Kills the distribution's JVM with SIGKILL, as a power cut or the OOM killer would. */
    public void kill() throws IOException {
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(handle -> handle.onExit().join());
    }

    private static Path unpack(Path directory) throws Exception {
        String tarball = System.getProperty("secplane.distribution");
        if (tarball == null || tarball.startsWith("${")) {
            throw new IllegalStateException("system property secplane.distribution is not set; run through Maven");
        }
        if (Files.exists(directory)) {
            stopLeftover(directory);
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(directory);
        Process tar = new ProcessBuilder("tar", "xzf", tarball, "-C", directory.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IOException("could not unpack " + tarball);
        }
        List<Path> homes = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isDirectory).forEach(homes::add);
        }
        if (homes.size() != 1) {
            throw new IOException("expected one directory in " + tarball + ", found " + homes);
        }
        return homes.get(0);
    }

    /** A distribution a failed earlier run left running in {@code directory} is killed before it is deleted. */
    private static void stopLeftover(Path directory) throws IOException {
        try (Stream<Path> homes = Files.list(directory)) {
            for (Path pidFile : homes.map(h -> h.resolve("karaf.pid")).filter(Files::exists).toList()) {
                try {
                    long pid = Long.parseLong(Files.readString(pidFile).trim());
                    ProcessHandle.of(pid).filter(h -> h.info().commandLine().map(c -> c.contains(directory.toAbsolutePath()
                            .toString()) || c.contains(pidFile.getParent().getFileName().toString())).orElse(false))
                            .ifPresent(handle -> {
                                handle.destroyForcibly();
                                handle.onExit().join();
                            });
                } catch (NumberFormatException e) {
                    // not a pid: nothing to stop
                }
            }
        }
    }

    private static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        lines.removeIf(line -> line.trim().startsWith(key + " ") || line.trim().startsWith(key + "="));
        lines.add(key + " = " + value);
        Files.write(cfg, lines);
    }
}
