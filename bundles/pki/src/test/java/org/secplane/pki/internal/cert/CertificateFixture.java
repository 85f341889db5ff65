package org.secplane.pki.internal.cert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.crypto.internal.software.BouncyCastleProvider;
import org.secplane.crypto.internal.software.JcaProvider;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.internal.FileObjectStore;
import org.secplane.keystore.internal.KeyPairs;
import org.secplane.pki.internal.path.PathValidationEngine;

/**
 * A real key store (software backend, in a temporary state directory) over a real crypto registry, the
 * real path validator, and the certificate engine over them; a settable clock and a set of configured CA
 * profiles. Also runs {@code openssl} as a real process.
 */
final class CertificateFixture implements AutoCloseable {

    static final String SERIAL = "JN10B9390AGB";

    private static RankingCryptoRegistry registry;

    final Path state;
    final FileObjectStore store;
    final KeyPairs keys;
    final Set<String> profiles = new TreeSet<>();
    final List<String> log = new ArrayList<>();
    /** The time the engine sees; the current time while null. */
    Instant now;
    final PkiCertificates engine;

    CertificateFixture(Path state) throws IOException {
        this.state = state;
        store = FileObjectStore.open(state.resolve("pki"), new SecureRandom(), log::add);
        keys = new KeyPairs(store, registry(), log::add);
        keys.configure(KeyPairInfo.Backend.SOFTWARE, null);
        engine = open();
    }

    /** Another engine over the same stores, as after a restart. */
    PkiCertificates open() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now == null ? Instant.now() : now;
            }
        };
        return new PkiCertificates(store, keys, new PathValidationEngine(), () -> profiles, clock,
                new SecureRandom(), () -> SERIAL, log::add);
    }

    @Override
    public void close() {
        keys.close();
        store.close();
    }

    static synchronized CryptoRegistry registry() {
        if (registry == null) {
            registry = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults());
            registry.addProvider(new JcaProvider());
            registry.addProvider(new BouncyCastleProvider());
            try {
                registry.awaitTests();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return registry;
    }

    /** Runs {@code openssl args} in {@code directory}; returns stdout and stderr; fails on a non-zero exit. */
    static String openssl(Path directory, String... args) throws IOException, InterruptedException {
        Result result = opensslResult(directory, args);
        if (result.exit != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " exited " + result.exit + ":\n" + result.output);
        }
        return result.output;
    }

    record Result(int exit, String output) {
    }

    static Result opensslResult(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
