package org.secplane.config.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads configuration text in brace form into statements, without a schema: {@code words… { … }} is a
 * block, {@code words… ;} a leaf, {@code [ a b ]} a value list, {@code #…} and {@code /* … *}{@code /}
 * are comments.
 */
final class BraceText {

    /** One statement as written: its words (brackets kept as {@code [} and {@code ]}), children for blocks. */
    static final class Statement {
        final List<String> words;
        final List<Statement> children;
        final int line;

        Statement(List<String> words, List<Statement> children, int line) {
            this.words = words;
            this.children = children;
            this.line = line;
        }

        boolean isBlock() {
            return children != null;
        }
    }

    private enum Kind { WORD, OPEN, CLOSE, SEMICOLON, BRACKET_OPEN, BRACKET_CLOSE, END }

    private final String text;
    private final String source;
    private int position;
    private int line = 1;
    private Kind kind;
    private String word;
    private int tokenLine;

    private BraceText(String text, String source) {
        this.text = text;
        this.source = source;
    }

    static List<Statement> parse(String text, String source) throws ConfigSyntaxException {
        BraceText parser = new BraceText(text, source);
        parser.next();
        List<Statement> statements = parser.block(null, 0);
        if (parser.kind != Kind.END) {
            throw parser.error("unexpected '}'");
        }
        return statements;
    }

    /** The statements up to the closing brace of the block {@code opener} opened at {@code openLine}. */
    private List<Statement> block(List<String> opener, int openLine) throws ConfigSyntaxException {
        List<Statement> statements = new ArrayList<>();
        while (kind != Kind.END && kind != Kind.CLOSE) {
            statements.add(statement());
        }
        if (opener != null && kind != Kind.CLOSE) {
            throw error("missing '}' at end of input: '" + String.join(" ", opener) + " {' opened at line "
                    + openLine + " is not closed");
        }
        return statements;
    }

    private Statement statement() throws ConfigSyntaxException {
        List<String> words = new ArrayList<>();
        int startLine = tokenLine;
        boolean inBrackets = false;
        while (true) {
            switch (kind) {
                case WORD:
                    words.add(word);
                    next();
                    break;
                case BRACKET_OPEN:
                    if (inBrackets || words.isEmpty()) {
                        throw error("unexpected '['");
                    }
                    inBrackets = true;
                    words.add("[");
                    next();
                    break;
                case BRACKET_CLOSE:
                    if (!inBrackets) {
                        throw error("unexpected ']'");
                    }
                    inBrackets = false;
                    words.add("]");
                    next();
                    break;
                case SEMICOLON:
                    if (words.isEmpty()) {
                        throw error("unexpected ';'");
                    }
                    if (inBrackets) {
                        throw error("missing ']'");
                    }
                    next();
                    return new Statement(words, null, startLine);
                case OPEN:
                    if (words.isEmpty()) {
                        throw error("unexpected '{'");
                    }
                    if (inBrackets) {
                        throw error("missing ']'");
                    }
                    next();
                    List<Statement> children = block(words, startLine);
                    next(); // the closing brace
                    return new Statement(words, children, startLine);
                case CLOSE:
                    throw error("missing ';' after '" + String.join(" ", words) + "'");
                default:
                    throw error(words.isEmpty() ? "unexpected end of input" : "missing ';' at end of input");
            }
        }
    }

    private ConfigSyntaxException error(String message) {
        return new ConfigSyntaxException(source + ":" + tokenLine + ": syntax error: " + message);
    }

    private void next() throws ConfigSyntaxException {
        skipSpaceAndComments();
        tokenLine = line;
        if (position >= text.length()) {
            kind = Kind.END;
            return;
        }
        char c = text.charAt(position);
        switch (c) {
            case '{': kind = Kind.OPEN; position++; return;
            case '}': kind = Kind.CLOSE; position++; return;
            case ';': kind = Kind.SEMICOLON; position++; return;
            case '[': kind = Kind.BRACKET_OPEN; position++; return;
            case ']': kind = Kind.BRACKET_CLOSE; position++; return;
            case '"':
                kind = Kind.WORD;
                word = quoted();
                return;
            default:
                kind = Kind.WORD;
                int start = position;
                while (position < text.length()) {
                    char w = text.charAt(position);
                    if (Character.isWhitespace(w) || w == '{' || w == '}' || w == ';' || w == '[' || w == ']' || w == '"') {
                        break;
                    }
                    position++;
                }
                word = text.substring(start, position);
        }
    }

    private String quoted() throws ConfigSyntaxException {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\n') {
                line++;
            }
            if (c == '\\' && position < text.length()) {
                c = text.charAt(position++);
            }
            value.append(c);
        }
        throw error("missing closing quote");
    }

    private void skipSpaceAndComments() throws ConfigSyntaxException {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\n') {
                line++;
                position++;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#') {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else if (c == '/' && position + 1 < text.length() && text.charAt(position + 1) == '*') {
                int end = text.indexOf("*/", position + 2);
                if (end < 0) {
                    tokenLine = line;
                    throw error("comment not closed");
                }
                for (int i = position; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                position = end + 2;
            } else {
                return;
            }
        }
    }

    /** Builds a tree from statements as stored (schema-free): blocks keep their key, leaves their values. */
    static Node toTree(List<Statement> statements) {
        Node root = Node.root();
        addAll(root, statements);
        return root;
    }

    private static void addAll(Node parent, List<Statement> statements) {
        for (Statement statement : statements) {
            String keyword = statement.words.get(0);
            List<String> rest = new ArrayList<>(statement.words.subList(1, statement.words.size()));
            if (statement.isBlock()) {
                addAll(parent.append(new Node(keyword, rest, true)), statement.children);
            } else {
                boolean bracketed = rest.remove("[");
                rest.remove("]");
                Node leaf = parent.append(new Node(keyword, rest, false));
                leaf.setBracketed(bracketed);
            }
        }
    }
}
