package org.secplane.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation.Display;

/**
 * A command's output and the Junos pipes applied to it: {@code | match R}, {@code | except R},
 * {@code | find R}, {@code | count}, {@code | last N}, {@code | no-more}, {@code | display json|set}.
 */
public final class Output {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final List<String> filters;
    private final Display display;
    private final int compare;

    private Output(List<String> filters, Display display, int compare) {
        this.filters = filters;
        this.display = display;
        this.compare = compare;
    }

    /** Parses the pipe segments after the command; {@code compareAllowed} for configuration-mode show. */
    public static Output forPipes(List<String> pipes, boolean compareAllowed) throws CommandFailedException {
        List<String> filters = new ArrayList<>();
        Display display = Display.TEXT;
        int compare = -1;
        for (String pipe : pipes) {
            List<String> words = Arrays.asList(pipe.trim().split("\\s+"));
            String verb = words.get(0);
            if ("display".startsWith(verb) && verb.length() >= 2 && words.size() == 2) {
                if (words.get(1).equals("json")) {
                    display = Display.JSON;
                } else if (words.get(1).equals("set")) {
                    display = Display.SET;
                } else {
                    throw new CommandFailedException("syntax error: '| display " + words.get(1) + "'; expecting json | set");
                }
            } else if (verb.equals("compare") && compareAllowed) {
                compare = 0;
                if (words.size() == 3 && words.get(1).equals("rollback")) {
                    compare = Integer.parseInt(words.get(2));
                } else if (words.size() != 1) {
                    throw new CommandFailedException("syntax error: '| compare [rollback N]'");
                }
            } else if ((verb.equals("match") || verb.equals("except") || verb.equals("find")) && words.size() >= 2) {
                String regex = pipe.trim().substring(verb.length()).trim();
                if (regex.length() >= 2 && regex.startsWith("\"") && regex.endsWith("\"")) {
                    regex = regex.substring(1, regex.length() - 1);
                }
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw new CommandFailedException("invalid regular expression '" + regex + "': " + e.getDescription());
                }
                filters.add(verb + " " + regex);
            } else if (verb.equals("count") && words.size() == 1 || verb.equals("no-more") && words.size() == 1) {
                filters.add(verb);
            } else if (verb.equals("last") && words.size() <= 2) {
                filters.add("last " + (words.size() == 2 ? Integer.parseInt(words.get(1)) : 10));
            } else {
                throw new CommandFailedException("syntax error: '| " + pipe.trim()
                        + "'; expecting count | display | except | find | last | match | no-more");
            }
        }
        return new Output(filters, display, compare);
    }

    public PrintStream stream() {
        return stream;
    }

    public Display display() {
        return display;
    }

    /** {@code -1} without {@code | compare}, else the rollback number to compare against. */
    public int compare() {
        return compare;
    }

    /** Writes the filtered output to {@code console}. */
    public void flushTo(PrintStream console) {
        stream.flush();
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (filters.isEmpty()) {
            console.print(text);
            console.flush();
            return;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (String filter : filters) {
            if (filter.startsWith("match ")) {
                Pattern pattern = Pattern.compile(filter.substring(6));
                lines.removeIf(line -> !pattern.matcher(line).find());
            } else if (filter.startsWith("except ")) {
                Pattern pattern = Pattern.compile(filter.substring(7));
                lines.removeIf(line -> pattern.matcher(line).find());
            } else if (filter.startsWith("find ")) {
                Pattern pattern = Pattern.compile(filter.substring(5));
                int first = 0;
                while (first < lines.size() && !pattern.matcher(lines.get(first)).find()) {
                    first++;
                }
                lines = new ArrayList<>(lines.subList(first, lines.size()));
            } else if (filter.startsWith("last ")) {
                int n = Integer.parseInt(filter.substring(5));
                lines = new ArrayList<>(lines.subList(Math.max(0, lines.size() - n), lines.size()));
            } else if (filter.equals("count")) {
                lines = List.of("Count: " + lines.size() + " lines");
            }
        }
        for (String line : lines) {
            console.println(line);
        }
        console.flush();
    }
}
