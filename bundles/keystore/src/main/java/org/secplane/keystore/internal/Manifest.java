package org.secplane.keystore.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the store must hold: for every object ({@code kind/name}) the MAC of its current file. While a
 * change is under way an entry also accepts the previous state ({@link #ABSENT} when the object did not
 * exist), so a crash between writing the manifest and the object leaves a state the next start settles.
 * Stored as an {@link ObjectFile} of kind {@code manifest} whose content is one line per object:
 * {@code kind TAB name TAB mac[,mac]}.
 */
final class Manifest {

    static final String ABSENT = "-";

    private final TreeMap<String, Set<String>> entries = new TreeMap<>();
    private long sequence;

    static String key(String kind, String name) {
        return kind + "/" + name;
    }

    static String kindOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    static String nameOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    Set<String> get(String key) {
        return entries.get(key);
    }

    void put(String key, Set<String> acceptable) {
        entries.put(key, Collections.unmodifiableSet(new LinkedHashSet<>(acceptable)));
    }

    void remove(String key) {
        entries.remove(key);
    }

    Map<String, Set<String>> entries() {
        return Collections.unmodifiableMap(entries);
    }

    long sequence() {
        return sequence;
    }

    long next() {
        return ++sequence;
    }

    byte[] content() {
        StringBuilder text = new StringBuilder();
        entries.forEach((key, tags) -> text.append(kindOf(key)).append('\t').append(nameOf(key)).append('\t')
                .append(String.join(",", tags)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Manifest parse(ObjectFile file) throws ObjectFile.Invalid {
        Manifest manifest = new Manifest();
        try {
            manifest.sequence = Long.parseLong(file.attributes.getOrDefault("sequence", "0"));
        } catch (NumberFormatException e) {
            throw new ObjectFile.Invalid(org.secplane.keystore.IntegrityFinding.Problem.MANIFEST, "bad sequence number");
        }
        String text = new String(file.content, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new ObjectFile.Invalid(org.secplane.keystore.IntegrityFinding.Problem.MANIFEST, "bad manifest line");
            }
            manifest.put(key(fields[0], fields[1]), new LinkedHashSet<>(java.util.List.of(fields[2].split(","))));
        }
        return manifest;
    }
}
