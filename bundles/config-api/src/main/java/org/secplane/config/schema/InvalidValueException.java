package org.secplane.config.schema;

/** A value that does not fit its statement's type; the message says what was expected. */
public class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
