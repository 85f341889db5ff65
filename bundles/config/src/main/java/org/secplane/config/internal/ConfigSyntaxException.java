package org.secplane.config.internal;

/** Configuration text or a command that does not fit the grammar or the schema; the message says why. */
final class ConfigSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    ConfigSyntaxException(String message) {
        super(message);
    }
}
