package org.secplane.cli.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code run show|request|clear …}: an operational command from configuration mode. */
public final class RunCommand extends JunosCommand {

    private static final List<String> VERBS = List.of("show", "request", "clear");

    public RunCommand(CliServices services) {
        super(services, "run", "Run an operational-mode command");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        if (context.words.isEmpty() || !VERBS.contains(context.words.get(0))) {
            throw new CommandFailedException("syntax error, expecting <command>: " + String.join(" | ", VERBS));
        }
        context.operational(context.words.get(0), context.words.subList(1, context.words.size()));
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        if (before.isEmpty()) {
            return Map.of("show", "Show information about the system", "request", "Make system-level requests",
                    "clear", "Clear information in the system");
        }
        return operationalCompletions(before);
    }
}
