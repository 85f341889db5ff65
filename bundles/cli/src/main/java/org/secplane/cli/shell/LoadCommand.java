package org.secplane.cli.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliServices;
import org.secplane.config.ConfigurationSession.LoadMode;

/**
 * {@code load (merge | override | set) [relative] (FILE | terminal)}: loads configuration text into the
 * candidate, all or nothing. From {@code terminal} it reads lines until Ctrl-D; in a script, the lines
 * after the command up to a Ctrl-D line.
 */
public final class LoadCommand extends JunosCommand {

    private static final long MAX_BYTES = 16L * 1024 * 1024;

    public LoadCommand(CliServices services) {
        super(services, "load", "Load configuration from ASCII file or terminal");
    }

    @Override
    protected void run(Context context) throws CommandFailedException {
        context.noPipes();
        List<String> words = context.words;
        boolean relative = words.size() == 3 && words.get(1).equals("relative");
        if (!(words.size() == 2 || relative)) {
            throw new CommandFailedException("syntax error: load (merge | override | set) [relative] (<filename> | terminal)");
        }
        LoadMode mode;
        switch (words.get(0)) {
            case "merge":
                mode = relative ? LoadMode.MERGE_RELATIVE : LoadMode.MERGE;
                break;
            case "override":
                mode = LoadMode.OVERRIDE;
                break;
            case "set":
                mode = LoadMode.SET;
                break;
            default:
                throw new CommandFailedException("syntax error: '" + words.get(0) + "'; expecting merge | override | set");
        }
        if (relative && mode != LoadMode.MERGE_RELATIVE) {
            throw new CommandFailedException("syntax error: 'relative' goes with 'load merge' only");
        }
        String source = words.get(words.size() - 1);
        String text = source.equals("terminal") ? terminal(context) : file(context, source);
        context.print(context.editing().load(mode, text, source));
    }

    private static String terminal(Context context) {
        if (context.raw.following() != null) {
            String text = context.raw.following();
            int end = text.indexOf('\u0004');
            return end < 0 ? text : text.substring(0, end);
        }
        context.console().println("[Type ^D at a new line to end input]");
        StringBuilder text = new StringBuilder();
        while (true) {
            String line;
            try {
                line = context.session.readLine("", null);
            } catch (IOException | RuntimeException end) {
                break;
            }
            if (line == null || line.equals("\u0004")) {
                break;
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static String file(Context context, String name) throws CommandFailedException {
        Path base = context.session.currentDir();
        Path path = base == null ? Path.of(name) : base.resolve(name);
        try {
            if (!Files.isRegularFile(path)) {
                throw new CommandFailedException("could not open configuration file: " + path + ": no such file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new CommandFailedException("configuration file " + path + " is larger than 16 MB");
            }
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailedException("could not read configuration file " + path + ": " + e.getMessage());
        }
    }

    @Override
    protected Map<String, String> completions(Session session, List<String> before) {
        if (before.isEmpty()) {
            return Map.of("merge", "Merge contents with existing configuration",
                    "override", "Override existing configuration", "set", "Execute set of commands");
        }
        return Map.of("terminal", "Use login terminal", "<filename>", "Filename (URL, local, remote, or floppy)");
    }
}
