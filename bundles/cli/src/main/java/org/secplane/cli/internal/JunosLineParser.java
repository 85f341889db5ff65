package org.secplane.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Parser;
import org.apache.karaf.shell.api.console.Session;

/**
 * The parser Karaf asks for each secplane command: it takes the whole statement up to an unquoted
 * {@code ;} or line break (pipes, brackets, braces and {@code $} included) and gives Gogo an encoded copy,
 * so the command sees the line exactly as typed. See {@link RawStatement}.
 */
public final class JunosLineParser implements Parser {

    private final String qualifiedName;

    public JunosLineParser(String qualifiedName) {
        this.qualifiedName = qualifiedName;
    }

    @Override
    public CommandLine parse(Session session, String command, int cursor) {
        int end = RawStatement.statementEnd(command, 0);
        int consumed = end;
        if (end < command.length() && command.charAt(end) == '\n') {
            consumed = following(command, end);
        }
        String buffer = command.substring(0, consumed);
        if (consumed == command.length() && cursor > buffer.length()) {
            // Karaf hands completion the statement without its trailing blanks; the cursor after them
            // starts a new, empty word
            buffer = buffer + " ".repeat(cursor - buffer.length());
        }
        return words(command.substring(0, end), cursor, buffer);
    }

    /** Takes a yes/no answer line, or the text of {@code load … terminal}, after the statement. */
    private static int following(String command, int end) {
        String statement = command.substring(0, end).trim().toLowerCase(Locale.ROOT);
        int lineEnd = command.indexOf('\n', end + 1);
        lineEnd = lineEnd < 0 ? command.length() : lineEnd;
        String next = command.substring(end + 1, lineEnd).trim().toLowerCase(Locale.ROOT);
        if (statement.startsWith("load") && statement.endsWith("terminal")) {
            int stop = command.indexOf("\n\u0004", end);
            if (stop < 0) {
                return command.length();
            }
            int after = command.indexOf('\n', stop + 1);
            return after < 0 ? command.length() : after;
        }
        if (next.equals("yes") || next.equals("no")) {
            return lineEnd;
        }
        return end;
    }

    @Override
    public String preprocess(Session session, CommandLine commandLine) {
        return qualifiedName + " " + RawStatement.encode(commandLine.getBuffer());
    }

    /** Splits the statement into words with positions, for completion. */
    static CommandLine words(String statement, int cursor, String buffer) {
        List<String> words = new ArrayList<>();
        int cursorIndex = -1;
        int cursorOffset = 0;
        int i = 0;
        while (i < statement.length()) {
            while (i < statement.length() && Character.isWhitespace(statement.charAt(i))) {
                i++;
            }
            if (i >= statement.length()) {
                break;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (i < statement.length() && (quoted || !Character.isWhitespace(statement.charAt(i)))) {
                char c = statement.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    word.append(c);
                }
                i++;
            }
            if (cursor >= start && cursor <= i) {
                cursorIndex = words.size();
                cursorOffset = Math.min(word.length(), cursor - start);
            }
            words.add(word.toString());
        }
        if (cursorIndex < 0) {
            cursorIndex = words.size();
            words.add("");
        }
        return new JunosCommandLine(words.toArray(new String[0]), cursorIndex, cursorOffset, cursor, buffer);
    }

    /** The parsed line Karaf passes to completers. */
    static final class JunosCommandLine implements CommandLine {
        private final String[] arguments;
        private final int cursorArgumentIndex;
        private final int argumentPosition;
        private final int bufferPosition;
        private final String buffer;

        JunosCommandLine(String[] arguments, int cursorArgumentIndex, int argumentPosition, int bufferPosition, String buffer) {
            this.arguments = arguments;
            this.cursorArgumentIndex = cursorArgumentIndex;
            this.argumentPosition = argumentPosition;
            this.bufferPosition = bufferPosition;
            this.buffer = buffer;
        }

        @Override
        public int getCursorArgumentIndex() {
            return cursorArgumentIndex;
        }

        @Override
        public String getCursorArgument() {
            return cursorArgumentIndex < arguments.length ? arguments[cursorArgumentIndex] : null;
        }

        @Override
        public int getArgumentPosition() {
            return argumentPosition;
        }

        @Override
        public String[] getArguments() {
            return arguments;
        }

        @Override
        public int getBufferPosition() {
            return bufferPosition;
        }

        @Override
        public String getBuffer() {
            return buffer;
        }
    }
}
