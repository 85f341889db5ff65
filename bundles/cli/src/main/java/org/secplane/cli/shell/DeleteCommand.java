package org.secplane.cli.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code delete <statement>}: Delete a data element (configuration mode). */
public final class DeleteCommand extends JunosCommand {

    public DeleteCommand(CliServices services) {
        super(services, "delete", "Delete a data element");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        context.print(context.editing().delete(context.words));
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        return configurationCompletions(session, before);
    }
}
