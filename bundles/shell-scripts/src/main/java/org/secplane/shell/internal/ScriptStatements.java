package org.secplane.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a multi-line script into the statements to run one after another: a line ends a statement
 * unless a brace, parenthesis, bracket or quote is still open (Gogo closures span lines). A {@code yes}
 * or {@code no} line right after a statement stays with it (the answer to its question), and so do the
 * lines after {@code load … terminal} up to a line holding only Ctrl-D.
 *
 * <p>Why: Karaf reads the name of a statement up to a blank, {@code ;} or {@code |} but not up to a
 * line break, so after a one-word line ({@code configure}, {@code commit}) it takes
 * {@code configure\nset} for a command name, finds no command of that name, and parses the next line
 * with Gogo's own rules ({@code $9$…} expanded, {@code |} piped). One statement per call avoids it.
 */
public final class ScriptStatements {

    private static final String CTRL_D = "\u0004";

    private ScriptStatements() {
    }

    public static List<String> split(String script) {
        String[] lines = script.split("\n", -1);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Nesting nesting = new Nesting();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(line);
            nesting.scan(line);
            if (!nesting.isOpen()) {
                String statement = current.toString();
                current.setLength(0);
                String key = statement.trim().toLowerCase(Locale.ROOT);
                if (key.startsWith("load") && key.endsWith("terminal")) {
                    StringBuilder text = new StringBuilder(statement);
                    while (n + 1 < lines.length) {
                        text.append('\n').append(lines[++n]);
                        if (lines[n].strip().equals(CTRL_D)) {
                            break;
                        }
                    }
                    statement = text.toString();
                } else if (n + 1 < lines.length && isAnswer(lines[n + 1]) && !key.isEmpty()) {
                    statement = statement + "\n" + lines[++n];
                }
                if (!statement.trim().isEmpty()) {
                    statements.add(statement);
                }
                nesting = new Nesting();
            }
        }
        if (current.toString().trim().length() > 0) {
            statements.add(current.toString());
        }
        return statements;
    }

    private static boolean isAnswer(String line) {
        String answer = line.trim().toLowerCase(Locale.ROOT);
        return answer.equals("yes") || answer.equals("no");
    }

    /** Open braces, parentheses, brackets and quotes across lines. */
    private static final class Nesting {
        private int depth;
        private char quote;

        void scan(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '{' || c == '(' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                    depth--;
                }
            }
        }

        boolean isOpen() {
            return depth > 0 || quote != 0;
        }
    }
}
