package org.secplane.config;

/** The options of {@code commit}: {@code check}, {@code confirmed [minutes]}, {@code comment "…"}. */
public final class CommitRequest {

    private final boolean checkOnly;
    private final int confirmMinutes;
    private final String comment;

    private CommitRequest(boolean checkOnly, int confirmMinutes, String comment) {
        this.checkOnly = checkOnly;
        this.confirmMinutes = confirmMinutes;
        this.comment = comment == null ? "" : comment;
    }

    public static CommitRequest commit(String comment) {
        return new CommitRequest(false, 0, comment);
    }

    public static CommitRequest check() {
        return new CommitRequest(true, 0, "");
    }

    /** A commit that is rolled back after {@code minutes} unless confirmed by another commit. */
    public static CommitRequest confirmed(int minutes, String comment) {
        if (minutes < 1 || minutes > 65535) {
            throw new IllegalArgumentException("confirmation timeout must be 1..65535 minutes");
        }
        return new CommitRequest(false, minutes, comment);
    }

    public boolean checkOnly() {
        return checkOnly;
    }

    /** Minutes until automatic rollback; 0 when no confirmation is required. */
    public int confirmMinutes() {
        return confirmMinutes;
    }

    public String comment() {
        return comment;
    }
}
