package org.secplane.driver.simulator.internal.accelerator;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.driver.OffloadMode;

/**
 * What a simulated accelerator is, from its data file ({@code accelerator = <file>} in
 * {@code etc/org.secplane.platform.cfg}): a properties file such as
 *
 * <pre>
 * name = simacc
 * model = SimCrypto 9000 rev B
 * algorithms = aes-128-cbc aes-256-gcm-16 hmac-sha2-256-128 sha2-256 random
 * known-answer-test-failures = aes-256-gcm-16
 * max-sas = 64
 * offload-modes = crypto packet
 * features = esn udp-encapsulation
 * </pre>
 *
 * <p>{@code algorithms} are those it claims to the crypto registry; the ones listed under
 * {@code known-answer-test-failures} it computes wrongly (a simulated erratum), so the registry's
 * known-answer tests reject them and the SA offload refuses them. {@code offload-modes} are the modes of
 * {@link OffloadMode} it can do ({@code crypto}, {@code packet}); {@code features} what else
 * ({@code esn}, {@code udp-encapsulation}). Key exchanges are not simulated. An unknown key or value is
 * an error naming it.
 */
public final class AcceleratorSpec {

    private static final Set<String> KEYS = Set.of("name", "model", "algorithms", "known-answer-test-failures", "max-sas",
            "offload-modes", "features");
    private static final Set<String> FEATURES = Set.of("esn", "udp-encapsulation");

    private final String source;
    private final String name;
    private final String model;
    private final Set<Algorithm> algorithms;
    private final Set<Algorithm> failing;
    private final int maxSas;
    private final Set<OffloadMode> modes;
    private final Set<String> features;

    private AcceleratorSpec(String source, String name, String model, Set<Algorithm> algorithms, Set<Algorithm> failing,
            int maxSas, Set<OffloadMode> modes, Set<String> features) {
        this.source = source;
        this.name = name;
        this.model = model;
        this.algorithms = algorithms;
        this.failing = failing;
        this.maxSas = maxSas;
        this.modes = modes;
        this.features = features;
    }

    public static AcceleratorSpec load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), reader);
        }
    }

    public static AcceleratorSpec parse(String source, String text) {
        try {
            return parse(source, new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AcceleratorSpec parse(String source, Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw error(source, "unknown key '" + key + "' (expected one of " + new java.util.TreeSet<>(KEYS) + ")");
            }
        }
        String name = properties.getProperty("name", "").trim();
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw error(source, "name '" + name + "' must be 1-32 lower-case letters, digits or '-', starting with a letter");
        }
        String model = properties.getProperty("model", "simulated accelerator").trim();
        Set<Algorithm> algorithms = algorithms(source, "algorithms", properties.getProperty("algorithms", ""));
        if (algorithms.isEmpty()) {
            throw error(source, "'algorithms' lists nothing; a simulated accelerator claims at least one algorithm");
        }
        Set<Algorithm> failing = algorithms(source, "known-answer-test-failures",
                properties.getProperty("known-answer-test-failures", ""));
        for (Algorithm algorithm : failing) {
            if (!algorithms.contains(algorithm)) {
                throw error(source, "known-answer-test-failures: " + algorithm.label() + " is not among its algorithms");
            }
        }
        int maxSas;
        try {
            maxSas = Integer.parseInt(properties.getProperty("max-sas", "0").trim());
        } catch (NumberFormatException e) {
            throw error(source, "max-sas '" + properties.getProperty("max-sas") + "' is not a number");
        }
        if (maxSas < 0 || maxSas > 1_000_000) {
            throw error(source, "max-sas " + maxSas + " is out of range 0..1000000");
        }
        Set<OffloadMode> modes = EnumSet.noneOf(OffloadMode.class);
        for (String word : words(properties.getProperty("offload-modes", ""))) {
            switch (word) {
                case "crypto":
                    modes.add(OffloadMode.CRYPTO);
                    break;
                case "packet":
                    modes.add(OffloadMode.PACKET);
                    break;
                default:
                    throw error(source, "offload-modes: '" + word + "' is not an offload mode (crypto, packet)");
            }
        }
        if (!modes.isEmpty() && maxSas == 0) {
            throw error(source, "offload-modes given but max-sas is 0");
        }
        Set<String> features = new LinkedHashSet<>();
        for (String word : words(properties.getProperty("features", ""))) {
            if (!FEATURES.contains(word)) {
                throw error(source, "features: '" + word + "' is not a feature (" + String.join(", ", new java.util.TreeSet<>(FEATURES)) + ")");
            }
            features.add(word);
        }
        return new AcceleratorSpec(source, name, model, Collections.unmodifiableSet(algorithms),
                Collections.unmodifiableSet(failing), maxSas, Collections.unmodifiableSet(modes),
                Collections.unmodifiableSet(features));
    }

    private static Set<Algorithm> algorithms(String source, String key, String text) {
        Set<Algorithm> set = EnumSet.noneOf(Algorithm.class);
        for (String word : words(text)) {
            Algorithm algorithm;
            try {
                algorithm = Algorithm.byLabel(word);
            } catch (IllegalArgumentException e) {
                throw error(source, key + ": unknown algorithm '" + word + "'");
            }
            if (algorithm.type() == AlgorithmType.KEY_EXCHANGE) {
                throw error(source, key + ": " + word + ": key exchanges are not simulated");
            }
            set.add(algorithm);
        }
        return set;
    }

    private static List<String> words(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[,\\s]+"));
    }

    private static IllegalArgumentException error(String source, String message) {
        return new IllegalArgumentException("accelerator data file " + source + ": " + message);
    }

    /** Where it was read from. */
    public String source() {
        return source;
    }

    public String name() {
        return name;
    }

    public String model() {
        return model;
    }

    public Set<Algorithm> algorithms() {
        return algorithms;
    }

    /** Algorithms it computes wrongly (the simulated erratum). */
    public Set<Algorithm> failing() {
        return failing;
    }

    public int maxSas() {
        return maxSas;
    }

    /** {@code CRYPTO} and/or {@code PACKET}. */
    public Set<OffloadMode> offloadModes() {
        return modes;
    }

    public Set<String> features() {
        return features;
    }
}
