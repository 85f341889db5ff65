package org.secplane.ike.internal.message;

/**
 * A message (or a payload chain) that cannot be accepted: the only exception the decoder throws. It
 * never carries message bytes, only what kind of defect was found, so it is safe to log.
 */
public final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong. */
    public enum Kind {
        /** fewer bytes than a header or length field promised */
        TRUNCATED,
        /** a length field disagrees with the bytes around it (too short, or bytes left over) */
        BAD_LENGTH,
        /** longer than {@link Ike#MAX_MESSAGE_LENGTH} */
        OVERSIZED,
        /** major version 1 (IKEv1) or newer than 2 */
        BAD_VERSION,
        /** a field holds a value the RFC does not allow */
        INVALID_SYNTAX,
        /** a payload type we do not know, with the critical bit set (RFC 7296 §2.5) */
        UNSUPPORTED_CRITICAL_PAYLOAD
    }

    private final Kind kind;
    private final int payloadType;

    public ParseException(Kind kind, String detail) {
        this(kind, detail, 0);
    }

    public ParseException(Kind kind, String detail, int payloadType) {
        super(detail, null, false, false);
        this.kind = kind;
        this.payloadType = payloadType;
    }

    public Kind kind() {
        return kind;
    }

    /** The unknown critical payload's type ({@link Kind#UNSUPPORTED_CRITICAL_PAYLOAD}), else 0. */
    public int payloadType() {
        return payloadType;
    }
}
