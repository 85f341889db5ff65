package org.secplane.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation.Display;
import org.secplane.cli.internal.CliServices;
import org.secplane.cli.internal.CliState;
import org.secplane.cli.internal.Output;
import org.secplane.config.ConfigurationService.OutputFormat;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;

/**
 * {@code show}: in operational mode, the contributed show commands; in configuration mode, the candidate
 * configuration at the current level ({@code | compare}, {@code | display set|json}).
 */
public final class ShowCommand extends JunosCommand {

    public ShowCommand(CliServices services) {
        super(services, "show", "Show information about the system or the candidate configuration");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        if (!context.state.inConfigurationMode()) {
            context.operational("show", context.words);
            return;
        }
        ConfigurationSession editing = context.editing();
        Output output = Output.forPipes(context.pipes, true);
        Outcome outcome = output.compare() >= 0 ? editing.compare(output.compare())
                : editing.show(context.words, format(output.display()));
        for (String line : outcome.lines()) {
            output.stream().println(line);
        }
        output.flushTo(context.console());
    }

    static OutputFormat format(Display display) {
        return display == Display.JSON ? OutputFormat.JSON : display == Display.SET ? OutputFormat.SET : OutputFormat.TEXT;
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        if (CliState.of(session).inConfigurationMode()) {
            return configurationCompletions(session, before);
        }
        List<String> words = new ArrayList<>();
        words.add("show");
        words.addAll(before);
        return operationalCompletions(words);
    }
}
