package org.secplane.cli.shell;

import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code configure}: enters configuration mode on the shared candidate configuration. */
public final class ConfigureCommand extends JunosCommand {

    public ConfigureCommand(CliServices services) {
        super(services, "configure", "Manipulate the software configuration");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        if (!context.words.isEmpty()) {
            throw new CommandFailedException("syntax error: 'configure " + String.join(" ", context.words)
                    + "' is not supported; use 'configure' (shared candidate configuration)");
        }
        enter(context);
    }

    static void enter(JunosCommand.Context context) throws CommandFailedException {
        if (context.state.inConfigurationMode()) {
            throw new CommandFailedException("already in configuration mode");
        }
        context.state.enterConfigurationMode(context.configuration().openSession(context.user()));
        context.console().println("Entering configuration mode");
        if (context.state.configuration().hasUncommittedChanges()) {
            context.console().println("The configuration has been changed but not committed");
        }
        context.updatePrompt();
    }
}
