package org.secplane.crypto.internal.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secplane.crypto.Algorithm;

/**
 * The known-answer vectors of one algorithm: resource {@code kat/<label>.kat} of this bundle.
 *
 * <p>Format: records separated by blank lines, one {@code name = value} per line, {@code #} starts a
 * comment. Each record starts with a {@code # source:} comment naming the document its bytes come
 * from. Values are hex, except the few decimal parameters of the random-generator health test.
 * Field names by type: cipher {@code key iv plaintext ciphertext}; aead {@code key} (key || salt)
 * {@code iv aad plaintext ciphertext} (ciphertext || ICV); integrity {@code key data mac}; prf
 * {@code key data output}; hash {@code data digest}; key exchange {@code private public peer shared},
 * or {@code private public invalid-peer} for a peer value that must be refused; signature
 * {@code private} (PKCS #8 DER) {@code public} (SubjectPublicKeyInfo DER) {@code message signature};
 * random {@code sample-bytes min-ones max-ones}.
 */
public final class KnownAnswerFile {

    private static final Map<Algorithm, KnownAnswerFile> CACHE = new EnumMap<>(Algorithm.class);

    private final Algorithm algorithm;
    private final List<Vector> vectors;

    private KnownAnswerFile(Algorithm algorithm, List<Vector> vectors) {
        this.algorithm = algorithm;
        this.vectors = Collections.unmodifiableList(vectors);
    }

    /** The resource path of an algorithm's vectors. */
    public static String resource(Algorithm algorithm) {
        return "/kat/" + algorithm.label() + ".kat";
    }

    /** Loads (once) the vectors of {@code algorithm}; an empty list when the file is missing. */
    public static synchronized KnownAnswerFile of(Algorithm algorithm) {
        KnownAnswerFile file = CACHE.get(algorithm);
        if (file == null) {
            try (InputStream in = KnownAnswerFile.class.getResourceAsStream(resource(algorithm))) {
                file = in == null ? new KnownAnswerFile(algorithm, List.of()) : parse(algorithm, in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource(algorithm), e);
            }
            CACHE.put(algorithm, file);
        }
        return file;
    }

    static KnownAnswerFile parse(Algorithm algorithm, InputStream in) throws IOException {
        List<Vector> vectors = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String source = null;
        Map<String, String> fields = new LinkedHashMap<>();
        String line;
        int number = 0;
        while (true) {
            line = reader.readLine();
            number++;
            String trimmed = line == null ? "" : line.trim();
            if (trimmed.isEmpty()) {
                if (!fields.isEmpty()) {
                    vectors.add(new Vector(vectors.size() + 1, source, fields));
                    fields = new LinkedHashMap<>();
                    source = null;
                }
                if (line == null) {
                    break;
                }
                continue;
            }
            if (trimmed.startsWith("#")) {
                String comment = trimmed.substring(1).trim();
                if (comment.startsWith("source:") && fields.isEmpty()) {
                    source = comment.substring("source:".length()).trim();
                }
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw new IOException(resource(algorithm) + " line " + number + ": expected name = value");
            }
            fields.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
        }
        return new KnownAnswerFile(algorithm, vectors);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public List<Vector> vectors() {
        return vectors;
    }

    /** One record. */
    public static final class Vector {
        private final int number;
        private final String source;
        private final Map<String, String> fields;

        Vector(int number, String source, Map<String, String> fields) {
            this.number = number;
            this.source = source;
            this.fields = Collections.unmodifiableMap(fields);
        }

        /** 1-based position in the file. */
        public int number() {
            return number;
        }

        /** The {@code # source:} text, or {@code null} if the record has none. */
        public String source() {
            return source;
        }

        public boolean has(String name) {
            return fields.containsKey(name);
        }

        public byte[] bytes(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("vector " + number + " has no field '" + name + "'");
            }
            return Hex.decode(value);
        }

        public int number(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("vector " + number + " has no field '" + name + "'");
            }
            return Integer.parseInt(value);
        }

        public Map<String, String> fields() {
            return fields;
        }

        /** How a failure message names it: number and source. */
        public String describe() {
            return "vector " + number + (source == null ? "" : " (" + source + ")");
        }
    }
}
