package org.secplane.cli.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.OperationalCommand;

/**
 * Finds the operational command a line names among the contributed ones, accepting unique prefixes of
 * every word as Junos does ({@code sh sec ike sec}), and lists what may come next for help and
 * completion.
 */
public final class OperationalDispatcher {

    /** The command a line names and the words after its name. */
    public static final class Resolution {
        public final OperationalCommand command;
        public final List<String> arguments;

        Resolution(OperationalCommand command, List<String> arguments) {
            this.command = command;
            this.arguments = arguments;
        }
    }

    private final List<OperationalCommand> commands;

    public OperationalDispatcher(List<OperationalCommand> commands) {
        this.commands = commands;
    }

    private static List<String> nameWords(OperationalCommand command) {
        return Arrays.asList(command.name().trim().split("\\s+"));
    }

    /** Resolves {@code words} (starting with the verb: show, request, clear). */
    public Resolution resolve(List<String> words) throws CommandFailedException {
        List<OperationalCommand> candidates = new ArrayList<>(commands);
        int k = 0;
        while (true) {
            final int depth = k;
            List<OperationalCommand> exact = candidates.stream().filter(c -> nameWords(c).size() == depth)
                    .collect(Collectors.toList());
            List<OperationalCommand> deeper = candidates.stream().filter(c -> nameWords(c).size() > depth)
                    .collect(Collectors.toList());
            if (k == words.size()) {
                if (!exact.isEmpty()) {
                    return new Resolution(exact.get(0), List.of());
                }
                throw new CommandFailedException("syntax error, expecting <command>: " + String.join(" | ", nextWords(deeper, k).keySet()));
            }
            String word = words.get(k);
            Map<String, String> next = nextWords(deeper, k);
            String chosen = next.containsKey(word) ? word : null;
            if (chosen == null) {
                List<String> prefixed = next.keySet().stream().filter(n -> n.startsWith(word)).collect(Collectors.toList());
                if (prefixed.size() == 1) {
                    chosen = prefixed.get(0);
                } else if (prefixed.size() > 1 && exact.isEmpty()) {
                    throw new CommandFailedException("syntax error: '" + word + "' is ambiguous: " + String.join(" | ", prefixed));
                }
            }
            if (chosen != null) {
                final String selected = chosen;
                candidates = deeper.stream().filter(c -> nameWords(c).get(depth).equals(selected)).collect(Collectors.toList());
                k++;
                continue;
            }
            if (!exact.isEmpty()) {
                return new Resolution(exact.get(0), new ArrayList<>(words.subList(k, words.size())));
            }
            throw new CommandFailedException(next.isEmpty() ? "syntax error: unknown command '" + String.join(" ", words) + "'"
                    : "syntax error: '" + word + "' is not valid here; expecting " + String.join(" | ", next.keySet()));
        }
    }

    /** The next name words (with help) after {@code depth} words among {@code candidates}, sorted. */
    private static Map<String, String> nextWords(List<OperationalCommand> candidates, int depth) {
        Map<String, String> next = new TreeMap<>();
        for (OperationalCommand command : candidates) {
            List<String> name = nameWords(command);
            if (name.size() > depth) {
                String help = name.size() == depth + 1 ? command.help() : "";
                next.merge(name.get(depth), help, (a, b) -> a.isEmpty() ? b : a);
            }
        }
        return next;
    }

    /** What may follow {@code words} (verb first): command words, or the command's arguments. */
    public Map<String, String> completions(List<String> words) {
        Map<String, String> result = new LinkedHashMap<>();
        try {
            List<OperationalCommand> candidates = new ArrayList<>(commands);
            for (int k = 0; k < words.size(); k++) {
                final int depth = k;
                String word = words.get(k);
                List<OperationalCommand> deeper = candidates.stream().filter(c -> nameWords(c).size() > depth)
                        .collect(Collectors.toList());
                Map<String, String> next = nextWords(deeper, k);
                String chosen = next.containsKey(word) ? word : null;
                if (chosen == null) {
                    List<String> prefixed = next.keySet().stream().filter(n -> n.startsWith(word)).collect(Collectors.toList());
                    chosen = prefixed.size() == 1 ? prefixed.get(0) : null;
                }
                if (chosen == null) {
                    List<OperationalCommand> exact = candidates.stream().filter(c -> nameWords(c).size() == depth)
                            .collect(Collectors.toList());
                    if (!exact.isEmpty()) {
                        return argumentCompletions(exact.get(0).arguments());
                    }
                    return result;
                }
                final String selected = chosen;
                candidates = deeper.stream().filter(c -> nameWords(c).get(depth).equals(selected)).collect(Collectors.toList());
            }
            final int depth = words.size();
            result.putAll(nextWords(candidates, depth));
            for (OperationalCommand command : candidates) {
                if (nameWords(command).size() == depth) {
                    result.putAll(argumentCompletions(command.arguments()));
                    result.put("<[Enter]>", "Execute this command");
                }
            }
        } catch (RuntimeException e) {
            return result;
        }
        return result;
    }

    private static Map<String, String> argumentCompletions(ArgumentSpec spec) {
        Map<String, String> result = new LinkedHashMap<>();
        for (ArgumentSpec.Argument option : spec.options().values()) {
            result.put(option.name(), option.help());
        }
        for (ArgumentSpec.Argument positional : spec.positionals()) {
            result.put(positional.type().describe(), positional.help());
        }
        return result;
    }
}
