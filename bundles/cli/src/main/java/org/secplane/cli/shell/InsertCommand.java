package org.secplane.cli.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code insert <statement>}: Insert a data element in an ordered list (configuration mode). */
public final class InsertCommand extends JunosCommand {

    public InsertCommand(CliServices services) {
        super(services, "insert", "Insert a data element in an ordered list");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        context.print(context.editing().insert(context.words));
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        return configurationCompletions(session, before);
    }
}
