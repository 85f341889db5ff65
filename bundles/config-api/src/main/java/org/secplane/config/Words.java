package org.secplane.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the Junos way: white space separates, double quotes group (with
 * {@code \"} and {@code \\} escapes), and {@code [} {@code ]} are words of their own. Nothing else is
 * special: {@code $}, {@code &#123;}, {@code ;} inside words stay as typed.
 */
public final class Words {

    private Words() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inWord = true;
                i++;
                for (; i < line.length() && line.charAt(i) != '"'; i++) {
                    char q = line.charAt(i);
                    if (q == '\\' && i + 1 < line.length()) {
                        q = line.charAt(++i);
                    }
                    word.append(q);
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("missing closing quote");
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ((c == '[' || c == ']') && !inWord) {
                words.add(String.valueOf(c));
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Writes {@code value} so that {@link #split} reads it back as one word. */
    public static String quote(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = !(Character.isWhitespace(c) || c == '"' || c == '\\' || c == ';' || c == '{' || c == '}'
                    || c == '[' || c == ']' || c == '#' || c == '\'');
        }
        if (plain) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
