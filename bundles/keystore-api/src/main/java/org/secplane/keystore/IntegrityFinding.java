package org.secplane.keystore;

import java.nio.file.Path;
import java.util.Objects;

/** One problem found by an integrity check. Immutable. */
public final class IntegrityFinding {

    /** What is wrong. */
    public enum Problem {
        /** the content does not match its MAC */
        MODIFIED("modified"),
        /** shorter than its own structure says (or empty) */
        TRUNCATED("truncated"),
        /** a valid PKI object file, but of another object: files swapped, renamed or copied over */
        SWAPPED("swapped"),
        /** a valid file of this object, but not the version the manifest records (an older copy put back) */
        REPLACED("replaced"),
        /** recorded in the manifest, but the file is gone */
        MISSING("missing"),
        /** a file in the store that the manifest does not record */
        UNEXPECTED("not in manifest"),
        /** the encrypted secret does not decrypt, or the private key does not match its public key */
        KEY_MISMATCH("key mismatch"),
        /** the key pair's private key is not in the PKCS#11 token, or the token cannot be reached */
        TOKEN("token"),
        /** the manifest is missing or fails its own check */
        MANIFEST("manifest"),
        /** the device key-encryption/integrity key is missing or damaged */
        DEVICE_KEY("device key");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String kind;
    private final String name;
    private final Problem problem;
    private final Path file;
    private final String detail;

    /**
     * @param kind the object's kind, or {@code null} for the store itself (device key, manifest)
     * @param name the object's name, or {@code null}
     * @param file the file concerned, or {@code null}
     */
    public IntegrityFinding(String kind, String name, Problem problem, Path file, String detail) {
        this.kind = kind;
        this.name = name;
        this.problem = Objects.requireNonNull(problem);
        this.file = file;
        this.detail = Objects.requireNonNull(detail);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Problem problem() {
        return problem;
    }

    public Path file() {
        return file;
    }

    public String detail() {
        return detail;
    }

    /** What the object is called in output: {@code key-pair vpn1}, or {@code PKI store}. */
    public String subject() {
        return kind == null ? "PKI store" : name == null ? kind : kind + " " + name;
    }

    /** One line: {@code key-pair vpn1: verification failed: modified: <detail> (<file>)}. */
    public String message() {
        return subject() + ": verification failed: " + problem.label() + ": " + detail + (file == null ? "" : " (" + file + ")");
    }

    @Override
    public String toString() {
        return message();
    }
}
