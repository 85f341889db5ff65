package org.secplane.cli;

/** A command could not do what was asked; the message is printed as {@code error: message}. */
public class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
