package org.secplane.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code request …}: the contributed request commands (operational mode; {@code run request …} in configuration mode). */
public final class RequestCommand extends JunosCommand {

    public RequestCommand(CliServices services) {
        super(services, "request", "Make system-level requests");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        if (context.state.inConfigurationMode()) {
            throw new CommandFailedException("'request' is an operational-mode command; use 'run request …'");
        }
        context.operational("request", context.words);
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        List<String> words = new ArrayList<>();
        words.add("request");
        words.addAll(before);
        return operationalCompletions(words);
    }
}
