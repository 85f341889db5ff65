package org.secplane.cli;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One operational command, registered as a service (whiteboard), e.g.
 * {@code show security ike security-associations}. The CLI matches the command's words (unique prefixes
 * are accepted, as in Junos), parses the rest with {@link #arguments()}, and calls {@link #execute}.
 */
@ConsumerType
public interface OperationalCommand {

    /** The words that name the command, separated by single spaces, starting with show, request or clear. */
    String name();

    /** One line of help, shown by {@code ?} and completion. */
    String help();

    /** What may follow the name. */
    default ArgumentSpec arguments() {
        return ArgumentSpec.none();
    }

    void execute(Invocation invocation) throws Exception;
}
