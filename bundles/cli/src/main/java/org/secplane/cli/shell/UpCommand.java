package org.secplane.cli.shell;

import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code up [N]}: moves N levels up (default 1). */
public final class UpCommand extends JunosCommand {

    public UpCommand(CliServices services) {
        super(services, "up", "Exit one or more levels of the configuration hierarchy");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        int levels = 1;
        if (context.words.size() == 1) {
            try {
                levels = Integer.parseInt(context.words.get(0));
            } catch (NumberFormatException e) {
                throw new CommandFailedException("syntax error: 'up' takes a number of levels");
            }
        } else if (!context.words.isEmpty()) {
            throw new CommandFailedException("syntax error: up [<levels>]");
        }
        context.print(context.editing().up(levels));
        context.updatePrompt();
    }
}
