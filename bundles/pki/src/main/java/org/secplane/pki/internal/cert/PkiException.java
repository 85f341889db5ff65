package org.secplane.pki.internal.cert;

/**
 * A certificate operation was refused or failed; the message is written for the user (the CLI prints it
 * after {@code error: }), names what is wrong, and never contains key material. Nothing was stored.
 */
public class PkiException extends Exception {

    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
