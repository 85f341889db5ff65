package org.secplane.cli.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;
import org.secplane.config.CommitRequest;
import org.secplane.config.Outcome;

/**
 * {@code commit [check] [confirmed [minutes]] [comment "text"] [and-quit]}: checks the candidate and
 * makes it active, all or nothing.
 */
public final class CommitCommand extends JunosCommand {

    public CommitCommand(CliServices services) {
        super(services, "commit", "Commit current set of changes");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        boolean check = false;
        boolean andQuit = false;
        int confirm = 0;
        String comment = "";
        List<String> words = context.words;
        for (int i = 0; i < words.size(); i++) {
            switch (words.get(i)) {
                case "check":
                    check = true;
                    break;
                case "and-quit":
                    andQuit = true;
                    break;
                case "confirmed":
                    confirm = 10;
                    if (i + 1 < words.size() && words.get(i + 1).matches("\\d+")) {
                        confirm = Integer.parseInt(words.get(++i));
                        if (confirm < 1 || confirm > 65535) {
                            throw new CommandFailedException("'confirmed': value " + confirm + " is not within range (1..65535)");
                        }
                    }
                    break;
                case "comment":
                    if (i + 1 >= words.size()) {
                        throw new CommandFailedException("syntax error: 'comment' needs a text");
                    }
                    comment = words.get(++i);
                    break;
                default:
                    throw new CommandFailedException("syntax error: '" + words.get(i)
                            + "' is not valid here; expecting and-quit | check | comment | confirmed");
            }
        }
        if (check && (confirm > 0 || andQuit || !comment.isEmpty())) {
            throw new CommandFailedException("syntax error: 'commit check' takes no other options");
        }
        CommitRequest request = check ? CommitRequest.check()
                : confirm > 0 ? CommitRequest.confirmed(confirm, comment) : CommitRequest.commit(comment);
        Outcome outcome = context.editing().commit(request);
        context.print(outcome);
        if (andQuit && outcome.isSuccess()) {
            ExitCommand.leave(context);
        }
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        return Map.of("check", "Check correctness of syntax; do not apply changes",
                "confirmed", "Automatically rollback if not confirmed",
                "comment", "Message to write to commit log",
                "and-quit", "Quit configuration mode if commit succeeds");
    }
}
