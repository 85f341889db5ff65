package org.secplane.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code clear …}: the contributed clear commands (operational mode; {@code run clear …} in configuration mode). */
public final class ClearCommand extends JunosCommand {

    public ClearCommand(CliServices services) {
        super(services, "clear", "Clear information in the system");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        if (context.state.inConfigurationMode()) {
            throw new CommandFailedException("'clear' is an operational-mode command; use 'run clear …'");
        }
        context.operational("clear", context.words);
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        List<String> words = new ArrayList<>();
        words.add("clear");
        words.addAll(before);
        return operationalCompletions(words);
    }
}
