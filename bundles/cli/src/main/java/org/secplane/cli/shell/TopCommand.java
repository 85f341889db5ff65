package org.secplane.cli.shell;

import java.util.List;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;
import org.secplane.config.ConfigurationService.OutputFormat;
import org.secplane.config.ConfigurationSession;

/**
 * {@code top}: moves to the top level. {@code top set|delete|show|edit …} runs that command from the top
 * level (staying at the current level unless it is {@code edit}).
 */
public final class TopCommand extends JunosCommand {

    public TopCommand(CliServices services) {
        super(services, "top", "Exit to the top level of the configuration");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        ConfigurationSession editing = context.editing();
        if (context.words.isEmpty()) {
            context.print(editing.top());
            context.updatePrompt();
            return;
        }
        List<String> level = editing.editPath();
        String command = context.words.get(0);
        List<String> rest = context.words.subList(1, context.words.size());
        editing.top();
        try {
            switch (command) {
                case "set":
                    context.print(editing.set(rest));
                    break;
                case "delete":
                    context.print(editing.delete(rest));
                    break;
                case "show":
                    context.print(editing.show(rest, OutputFormat.TEXT));
                    break;
                case "edit":
                    context.print(editing.edit(rest));
                    context.updatePrompt();
                    return;
                default:
                    throw new CommandFailedException("syntax error: top (set | delete | show | edit) …");
            }
        } finally {
            if (!command.equals("edit")) {
                editing.edit(level);
            }
        }
    }
}
