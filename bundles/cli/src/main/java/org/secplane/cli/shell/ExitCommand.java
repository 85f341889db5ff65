package org.secplane.cli.shell;

import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/**
 * {@code exit [configuration-mode]}: in configuration mode, up one level, or out of configuration mode
 * at the top level; in operational mode, ends the session.
 */
public final class ExitCommand extends JunosCommand {

    public ExitCommand(CliServices services) {
        this(services, "exit");
    }

    ExitCommand(CliServices services, String name) {
        super(services, name, "Exit from this level");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        if (!context.state.inConfigurationMode()) {
            context.session.close();
            return;
        }
        boolean leave = context.words.equals(java.util.List.of("configuration-mode"));
        if (!leave && !context.words.isEmpty()) {
            throw new CommandFailedException("syntax error: exit [configuration-mode]");
        }
        if (!leave && !context.state.configuration().editPath().isEmpty()) {
            context.print(context.state.configuration().up(1));
            context.updatePrompt();
            return;
        }
        leave(context);
    }

    static void leave(JunosCommand.Context context) {
        if (context.state.configuration().hasUncommittedChanges()) {
            context.console().println("warning: the configuration has been changed but not committed; "
                    + "the changes stay in the shared candidate configuration");
        }
        context.state.leaveConfigurationMode();
        context.console().println("Exiting configuration mode");
        context.updatePrompt();
    }
}
