package org.secplane.cli.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.Arguments;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.internal.CliInvocation;
import org.secplane.cli.internal.CliServices;
import org.secplane.cli.internal.CliState;
import org.secplane.cli.internal.JunosLineParser;
import org.secplane.cli.internal.OperationalDispatcher;
import org.secplane.cli.internal.Output;
import org.secplane.cli.internal.RawStatement;
import org.secplane.config.ConfigurationService;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;
import org.secplane.config.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every secplane shell command shares: the raw-line parser, completion, decoding the line into
 * words and pipes, Junos-style error output, and access to the configuration and operational commands.
 */
public abstract class JunosCommand implements Command {

    static final String SCOPE = "secplane";
    private static final Logger LOG = LoggerFactory.getLogger(JunosCommand.class);

    protected final CliServices services;
    private final String name;
    private final String description;
    private final Parser parser;

    protected JunosCommand(CliServices services, String name, String description) {
        this.services = services;
        this.name = name;
        this.description = description;
        this.parser = new JunosLineParser(SCOPE + ":" + name);
    }

    @Override
    public String getScope() {
        return SCOPE;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Parser getParser() {
        return parser;
    }

    @Override
    public Completer getCompleter(boolean scoped) {
        return new Completer() {
            @Override
            public int complete(Session session, CommandLine commandLine, List<String> candidates) {
                List<Candidate> found = new ArrayList<>();
                completeCandidates(session, commandLine, found);
                for (Candidate candidate : found) {
                    candidates.add(candidate.value());
                }
                return commandLine.getBufferPosition() - commandLine.getArgumentPosition();
            }

            @Override
            public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
                String[] words = commandLine.getArguments();
                int index = commandLine.getCursorArgumentIndex();
                if (index == 0) {
                    candidates.add(new Candidate(name, name, null, description, null, null, true));
                    return;
                }
                if (words.length == 0 || !(words[0].equals(name) || words[0].equals(SCOPE + ":" + name))) {
                    return;
                }
                List<String> before = new ArrayList<>();
                for (int i = 1; i < index && i < words.length; i++) {
                    before.add(words[i]);
                }
                for (Map.Entry<String, String> choice : completions(session, before).entrySet()) {
                    boolean placeholder = choice.getKey().startsWith("<");
                    candidates.add(new Candidate(placeholder ? "" : choice.getKey(), choice.getKey(), null,
                            choice.getValue().isEmpty() ? null : choice.getValue(), null, null, !placeholder));
                }
            }
        };
    }

    /** Words that may follow {@code before} (the words after the command name), with help. */
    protected Map<String, String> completions(Session session, List<String> before) {
        return Map.of();
    }

    @Override
    public final Object execute(Session session, List<Object> arguments) throws Exception {
        RawStatement raw = RawStatement.decode(name, arguments);
        PrintStream console = session.getConsole();
        try {
            List<String> segments = raw.segments();
            List<String> words = new ArrayList<>(Words.split(segments.get(0)));
            if (!words.isEmpty()) {
                words.remove(0);
            }
            if (!words.isEmpty() && words.get(words.size() - 1).equals("?")) {
                help(session, words.subList(0, words.size() - 1), console);
                return null;
            }
            run(new Context(session, raw, words, segments.subList(1, segments.size())));
        } catch (CommandFailedException e) {
            console.println("error: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            console.println("error: syntax error: " + e.getMessage());
        }
        console.flush();
        return null;
    }

    /** {@code … ?}: lists what may come next, Junos style. */
    private void help(Session session, List<String> before, PrintStream console) {
        Map<String, String> choices = completions(session, before);
        if (choices.isEmpty()) {
            console.println("No further completions");
            return;
        }
        console.println("Possible completions:");
        for (Map.Entry<String, String> choice : choices.entrySet()) {
            console.printf("  %-25s %s%n", choice.getKey(), choice.getValue());
        }
    }

    /** Runs the command on the decoded line. */
    protected abstract void run(Context context) throws CommandFailedException;

    /** One execution: the session, the decoded words and pipes, and helpers. */
    protected final class Context {
        final Session session;
        final RawStatement raw;
        final List<String> words;
        final List<String> pipes;
        final CliState state;

        Context(Session session, RawStatement raw, List<String> words, List<String> pipes) {
            this.session = session;
            this.raw = raw;
            this.words = words;
            this.pipes = pipes;
            this.state = CliState.of(session);
        }

        PrintStream console() {
            return session.getConsole();
        }

        String user() {
            Object user = session.get("USER");
            return user == null ? "admin" : user.toString();
        }

        ConfigurationService configuration() throws CommandFailedException {
            ConfigurationService configuration = services.configuration();
            if (configuration == null) {
                throw new CommandFailedException("the configuration engine is not running");
            }
            return configuration;
        }

        /** The editing session; fails outside configuration mode. */
        ConfigurationSession editing() throws CommandFailedException {
            if (!state.inConfigurationMode()) {
                throw new CommandFailedException("'" + name + "' is a configuration-mode command; enter configuration mode with 'configure'");
            }
            return state.configuration();
        }

        void noPipes() throws CommandFailedException {
            if (!pipes.isEmpty()) {
                throw new CommandFailedException("'" + name + "' takes no '|' filters");
            }
        }

        void print(Outcome outcome) {
            for (String line : outcome.lines()) {
                console().println(line);
            }
        }

        void updatePrompt() {
            CliState.updatePrompt(session, services.hostName());
        }

        /** Runs an operational command: {@code verb} (show, request, clear) and its words. */
        void operational(String verb, List<String> commandWords) throws CommandFailedException {
            List<String> all = new ArrayList<>();
            all.add(verb);
            all.addAll(commandWords);
            OperationalDispatcher dispatcher = new OperationalDispatcher(services.operationalCommands());
            OperationalDispatcher.Resolution resolution = dispatcher.resolve(all);
            Arguments arguments = resolution.command.arguments().parse(resolution.arguments);
            Output output = Output.forPipes(pipes, false);
            CliInvocation invocation = new CliInvocation(session, arguments, resolution.arguments, output,
                    raw.following());
            try {
                resolution.command.execute(invocation);
            } catch (CommandFailedException e) {
                output.flushTo(console());
                throw e;
            } catch (Exception e) {
                output.flushTo(console());
                LOG.error("operational command '{}' failed", resolution.command.name(), e);
                throw new CommandFailedException("command failed: " + e, e);
            }
            output.flushTo(console());
        }

        Map<String, String> operationalCompletions(String verb, List<String> before) {
            List<String> all = new ArrayList<>();
            all.add(verb);
            all.addAll(before);
            return new OperationalDispatcher(services.operationalCommands()).completions(all);
        }
    }

    /** Completions of the configuration at the session's level (configuration mode only). */
    protected Map<String, String> configurationCompletions(Session session, List<String> before) {
        CliState state = CliState.of(session);
        Map<String, String> result = new java.util.LinkedHashMap<>();
        if (state.inConfigurationMode()) {
            for (ConfigurationSession.Completion completion : state.configuration().complete(before)) {
                result.putIfAbsent(completion.word(), completion.help());
            }
        }
        return result;
    }

    /** Completions of an operational command line (verb first). */
    protected Map<String, String> operationalCompletions(List<String> words) {
        return new OperationalDispatcher(services.operationalCommands()).completions(words);
    }
}
