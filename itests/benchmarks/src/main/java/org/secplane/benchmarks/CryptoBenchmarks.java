package org.secplane.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * Compares the crypto providers per algorithm and packet size (64 and 1400 bytes) and reports each as a
 * ratio to {@code openssl speed} measured in the same run. Not a pass/fail test: numbers for people.
 * System properties: {@code bench.seconds} (per measurement, default 2), {@code bench.forks} (default 1),
 * {@code bench.only} (a comma-separated subset of algorithms or operations).
 */
public final class CryptoBenchmarks {

    private static final List<String> PACKET_ALGORITHMS = List.of("aes-128-gcm-16", "aes-256-gcm-16",
            "chacha20-poly1305", "aes-128-cbc+hmac-sha2-256-128", "aes-128-cbc", "3des-cbc");
    private static final List<String> PUBLIC_KEY_OPERATIONS = List.of("ecdh-p256", "ecdsa-p256-sign", "rsa2048-sign",
            "x25519", "modp2048");

    private CryptoBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 2);
        int forks = Integer.getInteger("bench.forks", 1);
        List<String> only = List.of(System.getProperty("bench.only", "").split(","));
        List<String> providers = Providers.available();
        List<String[]> rows = new ArrayList<>();
        for (String algorithm : PACKET_ALGORITHMS) {
            if (!only.get(0).isEmpty() && !only.contains(algorithm)) {
                continue;
            }
            for (int size : new int[] {64, 1400}) {
                double reference = OpenSslSpeed.packet(algorithm, size, seconds);
                for (String provider : providers) {
                    if (!supports(provider, algorithm)) {
                        continue;
                    }
                    double score = run(PacketCryptoBenchmark.class, seconds, forks,
                            "provider", provider, "algorithm", algorithm, "size", Integer.toString(size));
                    rows.add(row(algorithm, Integer.toString(size), provider, score, reference));
                }
            }
        }
        for (String operation : PUBLIC_KEY_OPERATIONS) {
            if (!only.get(0).isEmpty() && !only.contains(operation)) {
                continue;
            }
            double reference = OpenSslSpeed.publicKey(operation, seconds);
            for (String provider : providers) {
                if (!supportsPublicKey(provider, operation)) {
                    continue;
                }
                double score = run(PublicKeyBenchmark.class, seconds, forks, "provider", provider, "operation", operation);
                rows.add(row(operation, "-", provider, score, reference));
            }
        }
        System.out.println();
        System.out.printf("%-30s %5s %-13s %14s %16s %7s%n", "operation", "bytes", "provider", "ops/s",
                "openssl speed", "ratio");
        for (String[] row : rows) {
            System.out.printf("%-30s %5s %-13s %14s %16s %7s%n", (Object[]) row);
        }
        System.out.println("ratio = provider ops/s / `openssl speed` ops/s, both measured in this run on this machine");
    }

    private static String[] row(String operation, String size, String provider, double score, double reference) {
        return new String[] {operation, size, provider, String.format("%.0f", score),
                reference < 0 ? "n/a" : String.format("%.0f", reference),
                reference < 0 ? "n/a" : String.format("%.2f", score / reference)};
    }

    private static boolean supports(String provider, String algorithm) {
        CryptoProvider chosen = Providers.byName(provider);
        for (String part : algorithm.split("\\+")) {
            if (!chosen.algorithms().contains(Algorithm.byLabel(part))) {
                return false;
            }
        }
        return true;
    }

    private static boolean supportsPublicKey(String provider, String operation) {
        CryptoProvider chosen = Providers.byName(provider);
        Algorithm algorithm;
        switch (operation) {
            case "ecdsa-p256-sign": algorithm = Algorithm.ECDSA_P256_SHA256; break;
            case "rsa2048-sign": algorithm = Algorithm.RSA_PKCS1_SHA256; break;
            case "ecdh-p256": algorithm = Algorithm.ECP_256; break;
            case "x25519": algorithm = Algorithm.CURVE25519; break;
            default: algorithm = Algorithm.MODP_2048;
        }
        return chosen.algorithms().contains(algorithm);
    }

    private static double run(Class<?> benchmark, int seconds, int forks, String... params) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(benchmark.getName()).forks(forks).warmupIterations(2)
                .warmupTime(TimeValue.seconds(seconds)).measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx512m");
        for (int i = 0; i < params.length; i += 2) {
            builder.param(params[i], params[i + 1]);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
