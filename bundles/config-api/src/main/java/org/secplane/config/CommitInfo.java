package org.secplane.config;

import java.time.Instant;

/**
 * One stored commit: its sequence number (increasing forever), when and by whom, the comment, and
 * whether it awaits confirmation.
 */
public final class CommitInfo {

    private final long sequence;
    private final Instant time;
    private final String user;
    private final String client;
    private final String comment;

    public CommitInfo(long sequence, Instant time, String user, String client, String comment) {
        this.sequence = sequence;
        this.time = time;
        this.user = user;
        this.client = client;
        this.comment = comment;
    }

    public long sequence() {
        return sequence;
    }

    public Instant time() {
        return time;
    }

    public String user() {
        return user;
    }

    /** How it was made: {@code cli}, {@code rollback}, {@code confirmed-rollback}. */
    public String client() {
        return client;
    }

    /** The commit comment, or empty. */
    public String comment() {
        return comment;
    }
}
