package org.secplane.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The data plane's speed and memory: ESP round trips (encrypt and decrypt, {@link EspRoundTripBenchmark}) per
 * transform at 64 and 1400 bytes, each as a ratio to {@code openssl speed -evp} encrypting and decrypting the
 * same size in this run; then the heap per tunnel ({@link TunnelHeap}) in a JVM of 1 GiB with 100,000 tunnels.
 * System properties: {@code bench.seconds} (per measurement, default 2), {@code bench.only} (transforms),
 * {@code bench.tunnels} (default 100000).
 */
public final class IpsecBenchmarks {

    private static final List<String> TRANSFORMS = List.of("aes-128-gcm-16", "aes-256-gcm-16",
            "aes-128-cbc+hmac-sha2-256-128", "3des-cbc+hmac-sha1-96");

    private IpsecBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 2);
        List<String> only = List.of(System.getProperty("bench.only", "").split(","));
        List<String> rows = new ArrayList<>();
        for (String transform : TRANSFORMS) {
            if (!only.get(0).isEmpty() && !only.contains(transform)) {
                continue;
            }
            for (int size : new int[] {64, 1400}) {
                double reference = OpenSslSpeed.roundTrip(transform, size, seconds);
                OptionsBuilder options = new OptionsBuilder();
                options.include(EspRoundTripBenchmark.class.getName()).forks(1).warmupIterations(3)
                        .warmupTime(TimeValue.seconds(seconds)).measurementIterations(3)
                        .measurementTime(TimeValue.seconds(seconds)).jvmArgsAppend("-Xmx512m")
                        .param("transform", transform).param("size", Integer.toString(size));
                Collection<RunResult> results = new Runner(options.build()).run();
                double score = results.iterator().next().getPrimaryResult().getScore();
                rows.add(String.format("%-30s %5d %12.0f %9.0f %14s %7s", transform, size, score, score * size * 8 / 1e6,
                        reference < 0 ? "n/a" : String.format("%.0f", reference),
                        reference < 0 ? "n/a" : String.format("%.2f", score / reference)));
            }
        }
        System.out.println();
        System.out.printf("%-30s %5s %12s %9s %14s %7s%n", "ESP round trip (out + in)", "bytes", "packets/s", "Mbit/s",
                "openssl enc+dec", "ratio");
        rows.forEach(System.out::println);
        System.out.println("ratio = data plane round trips/s / (openssl speed -evp encrypt + decrypt [+ 2 x -hmac]) "
                + "packets/s, both measured in this run on this machine");
        System.out.println();
        String tunnels = System.getProperty("bench.tunnels", "100000");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process heap = new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                TunnelHeap.class.getName(), tunnels).inheritIO().start();
        if (heap.waitFor() != 0) {
            System.out.println("the heap measurement failed (exit " + heap.exitValue() + ")");
        }
    }
}
