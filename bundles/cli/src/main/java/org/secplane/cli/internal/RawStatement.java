package org.secplane.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A command line exactly as typed, carried past the Gogo shell. Gogo would expand {@code $9$…}, take
 * {@code [ ]} and {@code &#123; &#125;} for lists and closures and {@code |} for pipes, so the parser hands Gogo
 * only an encoded copy ({@code J<base64url>}) that the command decodes. In a script, a {@code yes} or
 * {@code no} line right after a command travels with it as the answer to the command's question, and
 * for {@code load … terminal} the following lines up to a Ctrl-D line (or the end) travel as the text.
 */
public final class RawStatement {

    private static final String MARK = "J";

    private final String statement;
    private final String following;

    RawStatement(String statement, String following) {
        this.statement = statement.replace("\r", "");
        this.following = following;
    }

    /** The command line, without the consumed lines. */
    public String statement() {
        return statement;
    }

    /** The lines consumed after the command line (an answer or terminal text), or {@code null}. */
    public String following() {
        return following;
    }

    static String encode(String buffer) {
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes what the parser produced; plain arguments (a call from a Gogo script) are joined as typed. */
    public static RawStatement decode(String commandName, List<Object> arguments) {
        if (arguments.size() == 1 && arguments.get(0) instanceof String && ((String) arguments.get(0)).startsWith(MARK)) {
            try {
                String buffer = new String(Base64.getUrlDecoder().decode(((String) arguments.get(0)).substring(1)),
                        StandardCharsets.UTF_8);
                int newline = buffer.indexOf('\n');
                return newline < 0 ? new RawStatement(buffer, null)
                        : new RawStatement(buffer.substring(0, newline), buffer.substring(newline + 1));
            } catch (IllegalArgumentException notEncoded) {
                // fall through: a plain argument that happens to start with the mark
            }
        }
        StringBuilder line = new StringBuilder(commandName);
        for (Object argument : arguments) {
            line.append(' ').append(argument);
        }
        return new RawStatement(line.toString(), null);
    }

    /** The statement split at unquoted {@code |}: the command, then each pipe segment, trimmed. */
    public List<String> segments() {
        List<String> segments = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (c == '"' && (i == 0 || statement.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == '|' && !quoted) {
                segments.add(statement.substring(start, i).trim());
                start = i + 1;
            }
        }
        segments.add(statement.substring(start).trim());
        return segments;
    }

    /** Where the statement that starts at {@code from} ends: the first unquoted {@code ;} or line break. */
    static int statementEnd(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == '\n')) {
                return i;
            }
        }
        return text.length();
    }
}
