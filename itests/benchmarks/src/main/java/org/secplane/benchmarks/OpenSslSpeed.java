package org.secplane.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reference: {@code openssl speed} run now, on this machine, for the same operation and size. */
final class OpenSslSpeed {

    private static final Pattern THROUGHPUT = Pattern.compile("^\\S.*?\\s([0-9.]+)k\\s*$");
    private static final Pattern SIGN = Pattern.compile("^\\s*\\d+ bits ecdsa \\(nistp256\\).*?([0-9.]+)\\s+([0-9.]+)\\s*$");
    private static final Pattern RSA = Pattern.compile("^rsa\\s+2048 bits.*?([0-9.]+)\\s+([0-9.]+)\\s*$");
    private static final Pattern DERIVE = Pattern.compile("^\\s*\\d+ bits (?:ecdh|ffdh)\\s*\\(([^)]+)\\).*?([0-9.]+)\\s*$");

    private OpenSslSpeed() {
    }

    /** Operations per second of one packet-sized operation; -1 when openssl cannot measure it. */
    static double packet(String algorithm, int size, int seconds) throws IOException, InterruptedException {
        String[] parts = algorithm.split("\\+");
        double first = evp(parts[0], size, seconds);
        if (parts.length == 1 || first < 0) {
            return first;
        }
        double second = hmac(parts[1], size, seconds);
        // two passes over the packet: ops/s of the sequence
        return second < 0 ? -1 : 1 / (1 / first + 1 / second);
    }

    /**
     * Packets per second of encrypting then decrypting one packet (as an ESP round trip does): the cipher
     * encrypting and decrypting, the MAC (if any) twice; -1 when openssl cannot measure it.
     */
    static double roundTrip(String algorithm, int size, int seconds) throws IOException, InterruptedException {
        String[] parts = algorithm.split("\\+");
        double[] rates = {evp(parts[0], size, seconds, false), evp(parts[0], size, seconds, true),
            parts.length > 1 ? hmac(parts[1], size, seconds) / 2 : Double.POSITIVE_INFINITY};
        double secondsPerPacket = 0;
        for (double rate : rates) {
            if (rate < 0) {
                return -1;
            }
            secondsPerPacket += 1 / rate;
        }
        return 1 / secondsPerPacket;
    }

    private static double evp(String label, int size, int seconds) throws IOException, InterruptedException {
        return evp(label, size, seconds, false);
    }

    private static double evp(String label, int size, int seconds, boolean decrypt) throws IOException, InterruptedException {
        String name;
        boolean aead = false;
        if (label.startsWith("aes-") && label.contains("-gcm")) {
            name = label.substring(0, "aes-128-gcm".length());
            aead = true;
        } else if (label.equals("chacha20-poly1305")) {
            name = "chacha20-poly1305";
            aead = true;
        } else if (label.equals("3des-cbc")) {
            name = "des-ede3-cbc";
        } else {
            name = label;
        }
        List<String> command = new ArrayList<>(List.of("openssl", "speed", "-seconds", Integer.toString(seconds),
                "-bytes", Integer.toString(size), "-evp", name));
        if (aead) {
            command.add("-aead");
        }
        if (decrypt) {
            command.add("-decrypt");
        }
        return throughput(run(command), size);
    }

    private static double hmac(String label, int size, int seconds) throws IOException, InterruptedException {
        String digest = label.contains("256") ? "sha256" : label.contains("384") ? "sha384" : label.contains("512") ? "sha512" : "sha1";
        return throughput(run(List.of("openssl", "speed", "-seconds", Integer.toString(seconds), "-bytes",
                Integer.toString(size), "-hmac", digest)), size);
    }

    private static double throughput(List<String> output, int size) {
        for (String line : output) {
            Matcher matcher = THROUGHPUT.matcher(line);
            if (matcher.find() && !line.startsWith("type") && !line.startsWith("The")) {
                return Double.parseDouble(matcher.group(1)) * 1000 / size;
            }
        }
        return -1;
    }

    /** Operations per second of a public-key operation of {@link PublicKeyBenchmark}. */
    static double publicKey(String operation, int seconds) throws IOException, InterruptedException {
        String algorithm;
        switch (operation) {
            case "ecdsa-p256-sign": algorithm = "ecdsap256"; break;
            case "rsa2048-sign": algorithm = "rsa2048"; break;
            case "ecdh-p256": algorithm = "ecdhp256"; break;
            case "x25519": algorithm = "ecdhx25519"; break;
            default: algorithm = "ffdh2048";
        }
        for (String line : run(List.of("openssl", "speed", "-seconds", Integer.toString(seconds), algorithm))) {
            Matcher sign = SIGN.matcher(line);
            if (operation.equals("ecdsa-p256-sign") && sign.find()) {
                return Double.parseDouble(sign.group(1));
            }
            Matcher rsa = RSA.matcher(line);
            if (operation.equals("rsa2048-sign") && rsa.find()) {
                return Double.parseDouble(rsa.group(1));
            }
            Matcher derive = DERIVE.matcher(line);
            if (derive.find() && !operation.endsWith("-sign")) {
                return Double.parseDouble(derive.group(2));
            }
        }
        return -1;
    }

    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        process.waitFor();
        return lines;
    }
}
