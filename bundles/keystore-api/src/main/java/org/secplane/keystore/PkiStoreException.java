package org.secplane.keystore;

/**
 * A key store or PKI object store operation could not be done. The message is written for the user
 * (the CLI prints it after {@code error: }) and never contains key material.
 */
public class PkiStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, so callers can react without parsing the message. */
    public enum Reason {
        /** the object or key pair already exists */
        EXISTS,
        /** no such object or key pair */
        NOT_FOUND,
        /** a bad argument: name, key type, size, algorithm */
        INVALID,
        /** the file failed its integrity check (modified, truncated, swapped, missing, not the recorded version) */
        DAMAGED,
        /** the backend cannot be used now (PKCS#11 token absent, PIN refused, key-encryption key missing) */
        UNAVAILABLE,
        /** reading, writing or a backend operation failed */
        FAILED
    }

    private final Reason reason;

    public PkiStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PkiStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
