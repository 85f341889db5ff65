package org.secplane.cli.internal;

import java.util.List;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.ConfigurationService;

/** What the shell commands need from the running system. */
public interface CliServices {

    /** The configuration engine, or {@code null} while it is not running. */
    ConfigurationService configuration();

    /** The operational commands installed now, built-in and contributed. */
    List<OperationalCommand> operationalCommands();

    /** The host name for the prompt: {@code system host-name}, else {@code secplane}. */
    String hostName();
}
