package org.secplane.driver.linux.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.secplane.driver.PlatformSelection;

/**
 * A private network namespace for a test: one thread that called {@code unshare(CLONE_NEWNET)}, so the
 * TUN devices, sockets, addresses and routes the test makes live there and vanish with it, never touching
 * the host's networking. Everything that creates kernel objects runs on that thread ({@link #call}); the
 * {@code ip} tool started from it sees the same namespace ({@link #ip}).
 */
final class Namespace implements AutoCloseable {

    private static final int CLONE_NEWNET = 0x40000000;

    static {
        Native.register(Namespace.class, NativeLibrary.getInstance("c"));
    }

    private static native int unshare(int flags);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "netns-test"));

    private Namespace() {
    }

    /** Skips the test (with the reason) unless this is Linux with CAP_NET_ADMIN and /dev/net/tun. */
    static void assumeRootWithTun() {
        PlatformSelection.Host host = PlatformSelection.Host.current();
        assumeTrue(host.linux() && host.networkAdmin() && host.tun(),
                "needs Linux, CAP_NET_ADMIN (root) and /dev/net/tun to create TUN devices in a private network namespace");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/bin/ip")), "needs the ip tool (iproute2) to check what the kernel has");
    }

    static Namespace create() throws Exception {
        assumeRootWithTun();
        Namespace namespace = new Namespace();
        namespace.call(() -> {
            if (unshare(CLONE_NEWNET) != 0) {
                throw new IOException("unshare(CLONE_NEWNET) failed: errno " + Native.getLastError());
            }
            return null;
        });
        namespace.ip("link", "set", "lo", "up");
        return namespace;
    }

    <T> T call(Callable<T> work) throws Exception {
        Future<T> result = thread.submit(work);
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }

    /** Runs {@code ip ARGS} in the namespace; returns its output, failing on a non-zero exit. */
    String ip(String... arguments) throws Exception {
        String[] result = ipResult(arguments);
        if (!result[0].equals("0")) {
            throw new IOException("ip " + String.join(" ", arguments) + " exited " + result[0] + ": " + result[1]);
        }
        return result[1];
    }

    /** {exit code, output} of {@code ip ARGS} in the namespace. */
    String[] ipResult(String... arguments) throws Exception {
        return call(() -> {
            List<String> command = new ArrayList<>();
            command.add("ip");
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            }
            int exit = process.waitFor();
            return new String[] {Integer.toString(exit), output.toString(StandardCharsets.UTF_8)};
        });
    }

    @Override
    public void close() {
        thread.shutdownNow(); // the namespace goes away with its last thread and descriptor
    }
}
