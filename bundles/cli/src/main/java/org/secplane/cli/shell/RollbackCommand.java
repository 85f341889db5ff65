package org.secplane.cli.shell;

import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;

/** {@code rollback [N]}: replaces the candidate with stored configuration N (0 = active). */
public final class RollbackCommand extends JunosCommand {

    public RollbackCommand(CliServices services) {
        super(services, "rollback", "Roll back to previous committed configuration");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        int n = 0;
        if (context.words.size() == 1) {
            try {
                n = Integer.parseInt(context.words.get(0));
            } catch (NumberFormatException e) {
                throw new CommandFailedException("syntax error: rollback [<0..49>]");
            }
        } else if (!context.words.isEmpty()) {
            throw new CommandFailedException("syntax error: rollback [<0..49>]");
        }
        context.print(context.editing().rollback(n));
    }
}
