package org.secplane.pki;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A {@link RevocationChecker}'s answer for one certificate. Immutable. */
public final class RevocationStatus {

    public enum State {
        /** Checked and not revoked. */
        GOOD,
        /** Revoked: fails the path. */
        REVOKED,
        /** Could not be determined (no valid CRL, responder unreachable): fails the path unless the options accept it. */
        UNKNOWN,
        /** Revocation checking is disabled for this path (Junos {@code revocation-check disable}); does not fail the path. */
        NOT_CHECKED
    }

    private final State state;
    private final String detail;
    private final String reason;
    private final Instant revocationDate;

    private RevocationStatus(State state, String detail, String reason, Instant revocationDate) {
        this.state = state;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.reason = reason;
        this.revocationDate = revocationDate;
    }

    /** Not revoked; {@code source} says how that was established, e.g. {@code "CRL of CA profile Root-CA"}. */
    public static RevocationStatus good(String source) {
        return new RevocationStatus(State.GOOD, source, null, null);
    }

    /**
     * Revoked.
     *
     * @param reason the RFC 5280 CRLReason name ({@code keyCompromise}, ...) or {@code unspecified}
     * @param date   the revocation date
     */
    public static RevocationStatus revoked(String reason, Instant date) {
        return new RevocationStatus(State.REVOKED, "revoked (" + reason + ")", Objects.requireNonNull(reason, "reason"),
                Objects.requireNonNull(date, "date"));
    }

    /** Unknown, with why, e.g. {@code "CRL download from http://ca/ca.crl failed: connection refused"}. */
    public static RevocationStatus unknown(String why) {
        return new RevocationStatus(State.UNKNOWN, why, null, null);
    }

    /** Not checked, with why (checking disabled for the CA profile). */
    public static RevocationStatus notChecked(String why) {
        return new RevocationStatus(State.NOT_CHECKED, why, null, null);
    }

    public State state() {
        return state;
    }

    /** How the answer was obtained, or why it is unknown or not checked. */
    public String detail() {
        return detail;
    }

    /** For {@link State#REVOKED}: the revocation reason. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** For {@link State#REVOKED}: the revocation date. */
    public Optional<Instant> revocationDate() {
        return Optional.ofNullable(revocationDate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RevocationStatus other && state == other.state && detail.equals(other.detail)
                && Objects.equals(reason, other.reason) && Objects.equals(revocationDate, other.revocationDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, detail, reason, revocationDate);
    }

    @Override
    public String toString() {
        return state + ": " + detail + (revocationDate == null ? "" : " on " + revocationDate);
    }
}
