package org.secplane.cli.shell;

import org.secplane.cli.internal.CliServices;

/** {@code quit}: the same as {@code exit}. */
public final class QuitCommand extends JunosCommand {

    private final ExitCommand exit;

    public QuitCommand(CliServices services) {
        super(services, "quit", "Exit from this level");
        this.exit = new ExitCommand(services, "quit");
    }

    @Override
    protected void run(Context context) throws org.secplane.cli.CommandFailedException {
        exit.run(context);
    }
}
