package org.secplane.cli.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code set <statement>}: Set a parameter (configuration mode). */
public final class SetCommand extends JunosCommand {

    public SetCommand(CliServices services) {
        super(services, "set", "Set a parameter");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        context.print(context.editing().set(context.words));
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        return configurationCompletions(session, before);
    }
}
