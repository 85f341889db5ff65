package org.secplane.cli.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code edit <path>}: moves to a level of the hierarchy; in operational mode, the same as {@code configure}. */
public final class EditCommand extends JunosCommand {

    public EditCommand(CliServices services) {
        super(services, "edit", "Edit a particular level of the configuration");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        if (!context.state.inConfigurationMode()) {
            if (!context.words.isEmpty()) {
                throw new CommandFailedException("syntax error: 'edit' in operational mode takes no arguments");
            }
            ConfigureCommand.enter(context);
            return;
        }
        context.print(context.editing().edit(context.words));
        context.updatePrompt();
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        return configurationCompletions(session, before);
    }
}
