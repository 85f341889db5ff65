package org.secplane.cli.shell;

import org.secplane.cli.internal.CliServices;

/**
 * {@code secplane:cli-init}, run by {@code etc/scripts/secplane.script} for every shell session: puts
 * the secplane scope first so {@code show}, {@code set}, {@code clear} and {@code edit} are the Junos
 * commands, and sets the Junos prompt.
 */
public final class CliInitCommand extends JunosCommand {

    public CliInitCommand(CliServices services) {
        super(services, "cli-init", "Prepare this shell session for the Junos CLI");
    }

    @Override
    protected void run(Context context) {
        prepare(context.session, services.hostName());
    }

    /** Puts the secplane scope first and sets the Junos prompt in {@code session}. */
    static void prepare(org.apache.karaf.shell.api.console.Session session, String hostName) {
        Object scope = session.get("SCOPE");
        String current = scope == null ? "shell:bundle:*" : scope.toString();
        if (!current.startsWith(SCOPE + ":")) {
            session.put("SCOPE", SCOPE + ":" + current);
        }
        org.secplane.cli.internal.CliState.updatePrompt(session, hostName);
    }
}
