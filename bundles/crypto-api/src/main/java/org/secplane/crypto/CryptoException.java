package org.secplane.crypto;

/** A cryptographic operation could not be done (no provider, bad key, broken provider). */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
