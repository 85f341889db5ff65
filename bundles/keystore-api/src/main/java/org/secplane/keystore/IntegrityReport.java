package org.secplane.keystore;

import java.util.List;

/** The result of checking the PKI object files. Immutable. */
public final class IntegrityReport {

    /** The line the guide prints when every object verifies (pki.md §3.17). */
    public static final String SUCCESS = "All PKI objects: verification success";

    private final List<String> verified;
    private final int objects;
    private final List<IntegrityFinding> findings;

    /**
     * @param objects how many objects were checked
     * @param verified the objects that passed, as {@code kind name}
     */
    public IntegrityReport(int objects, List<String> verified, List<IntegrityFinding> findings) {
        this.objects = objects;
        this.verified = List.copyOf(verified);
        this.findings = List.copyOf(findings);
    }

    public boolean success() {
        return findings.isEmpty();
    }

    /** How many objects were checked (files found or recorded). */
    public int objects() {
        return objects;
    }

    /** The objects that passed every check, as {@code kind name}, sorted. */
    public List<String> verified() {
        return verified;
    }

    public List<IntegrityFinding> findings() {
        return findings;
    }

    /** How many distinct objects have at least one finding. */
    public long failedObjects() {
        return findings.stream().filter(f -> f.kind() != null).map(IntegrityFinding::subject).distinct().count();
    }

    /** {@link #SUCCESS}, or the number of objects that failed. */
    public String summary() {
        if (success()) {
            return SUCCESS;
        }
        long failed = failedObjects();
        long storeProblems = findings.stream().filter(f -> f.kind() == null).count();
        return "PKI objects: verification failed: " + failed + " of " + objects + " objects failed"
                + (storeProblems > 0 ? ", " + storeProblems + " store problem" + (storeProblems == 1 ? "" : "s") : "");
    }
}
