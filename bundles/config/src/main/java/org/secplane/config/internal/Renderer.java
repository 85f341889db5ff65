package org.secplane.config.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secplane.config.Words;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.Flag;
import org.secplane.config.schema.Leaf;
import org.secplane.config.schema.LeafList;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;
import org.secplane.config.schema.Types;

/**
 * Prints configuration trees: the brace form users see (statements in schema order, secrets as
 * {@code "$9$…"; ## SECRET-DATA}), one {@code set} command per statement, JSON, and the storage form
 * (expanded, schema-free, secrets sealed).
 */
final class Renderer {

    static final String INDENT = "    ";
    private final Sealer sealer;

    Renderer(Sealer sealer) {
        this.sealer = sealer;
    }

    // ---------------------------------------------------------------- storage

    /** Storage form: every block with braces, every leaf with {@code ;}, so it reads back without a schema. */
    static String storage(Node tree) {
        StringBuilder out = new StringBuilder();
        storage(out, tree, 0);
        return out.toString();
    }

    private static void storage(StringBuilder out, Node block, int depth) {
        for (Node child : block.mutableChildren()) {
            indent(out, depth);
            out.append(Words.quote(child.keyword()));
            if (child.isBlock()) {
                for (String argument : child.arguments()) {
                    out.append(' ').append(Words.quote(argument));
                }
                out.append(" {\n");
                storage(out, child, depth + 1);
                indent(out, depth);
                out.append("}\n");
            } else {
                appendValuesStatic(out, child.arguments(), child.isBracketed());
                out.append(";\n");
            }
        }
    }

    // ---------------------------------------------------------------- brace form

    /** The children of {@code block} in brace form, indented {@code depth} levels. */
    String text(Node block, Container schema, int depth) {
        StringBuilder out = new StringBuilder();
        text(out, block, schema, depth);
        return out.toString();
    }

    /** One statement (with its block) in brace form. */
    String statement(Node statement, Container parentSchema, int depth) {
        StringBuilder out = new StringBuilder();
        statement(out, statement, parentSchema == null ? null : Editor.schemaOf(parentSchema, statement), depth);
        return out.toString();
    }

    private void text(StringBuilder out, Node block, Container schema, int depth) {
        for (Node child : ordered(block, schema)) {
            statement(out, child, schema == null ? null : Editor.schemaOf(schema, child), depth);
        }
    }

    private void statement(StringBuilder out, Node child, SchemaNode<?> schema, int depth) {
        statement(out, child, schema, depth, "");
    }

    /** {@code prefix}: the keywords of flat containers above, written on the same line. */
    private void statement(StringBuilder out, Node child, SchemaNode<?> schema, int depth, String prefix) {
        if (child.isBlock() && schema instanceof Container && ((Container) schema).isFlat()) {
            Container flat = (Container) schema;
            for (Node grandchild : ordered(child, flat)) {
                statement(out, grandchild, Editor.schemaOf(flat, grandchild), depth, prefix + child.keyword() + " ");
            }
            return;
        }
        if (child.isBlock()) {
            Container childSchema = schema instanceof Container ? (Container) schema
                    : schema instanceof ListNode ? ((ListNode) schema).entry() : null;
            if (schema instanceof Container && child.mutableChildren().isEmpty() && !((Container) schema).isPresence()) {
                return;
            }
            indent(out, depth);
            out.append(prefix);
            boolean keyless = schema instanceof ListNode && ((ListNode) schema).isKeyless();
            out.append(keyless ? Words.quote(child.keyword()) : child.keyword());
            for (String argument : child.arguments()) {
                out.append(' ').append(Words.quote(argument));
            }
            if (child.mutableChildren().isEmpty()) {
                out.append(";\n");
            } else if (childSchema != null && childSchema.isOneLine() && allLeaves(child)) {
                boolean secret = false;
                for (Node leaf : ordered(child, childSchema)) {
                    SchemaNode<?> leafSchema = Editor.schemaOf(childSchema, leaf);
                    if (!(leafSchema instanceof Leaf && ((Leaf) leafSchema).isNoKeyword())) {
                        out.append(' ').append(leaf.keyword());
                    }
                    secret |= appendValues(out, leaf.arguments(), leaf.isBracketed(), isSecret(leafSchema));
                }
                out.append(';');
                out.append(secret ? " ## SECRET-DATA\n" : "\n");
            } else {
                out.append(" {\n");
                text(out, child, childSchema, depth + 1);
                indent(out, depth);
                out.append("}\n");
            }
            return;
        }
        indent(out, depth);
        out.append(prefix);
        boolean noKeyword = schema instanceof Leaf && ((Leaf) schema).isNoKeyword();
        StringBuilder line = new StringBuilder(noKeyword ? "" : child.keyword());
        boolean secret = appendValues(line, child.arguments(),
                child.isBracketed() || schema instanceof LeafList && child.arguments().size() > 1, isSecret(schema));
        out.append(noKeyword ? line.toString().trim() : line).append(';');
        out.append(secret ? " ## SECRET-DATA\n" : "\n");
    }

    private static boolean allLeaves(Node block) {
        return block.mutableChildren().stream().noneMatch(Node::isBlock);
    }

    private static boolean isSecret(SchemaNode<?> schema) {
        return schema instanceof Leaf && ((Leaf) schema).type() instanceof Types.SecretType;
    }

    /** Appends the values; returns whether a secret was shown. */
    private boolean appendValues(StringBuilder out, List<String> values, boolean bracketed, boolean secret) {
        boolean shownSecret = false;
        if (bracketed) {
            out.append(" [");
        }
        for (String value : values) {
            out.append(' ');
            if (secret || Sealer.isSealed(value)) {
                out.append('"').append(displaySecret(value)).append('"');
                shownSecret = true;
            } else {
                out.append(Words.quote(value));
            }
        }
        if (bracketed) {
            out.append(" ]");
        }
        return shownSecret;
    }

    /** A sealed secret as Junos shows it: freshly {@code $9$}-encoded. */
    String displaySecret(String sealed) {
        if (sealer == null || !Sealer.isSealed(sealed)) {
            return sealed;
        }
        try {
            byte[] clear = sealer.open(sealed);
            try {
                return Junos9.encode(clear);
            } finally {
                Arrays.fill(clear, (byte) 0);
            }
        } catch (ConfigSyntaxException e) {
            return "$9$ (unreadable: sealed under another device key)";
        }
    }

    private static void appendValuesStatic(StringBuilder out, List<String> values, boolean bracketed) {
        if (bracketed) {
            out.append(" [");
        }
        for (String value : values) {
            out.append(' ').append(Words.quote(value));
        }
        if (bracketed) {
            out.append(" ]");
        }
    }

    /** Children in schema order (list entries keep their order); statements without schema last. */
    static List<Node> ordered(Node block, Container schema) {
        List<Node> children = new ArrayList<>(block.mutableChildren());
        if (schema == null) {
            return children;
        }
        List<SchemaNode<?>> order = new ArrayList<>(schema.children());
        children.sort(Comparator.comparingInt(child -> {
            SchemaNode<?> node = Editor.schemaOf(schema, child);
            int index = node == null ? -1 : order.indexOf(node);
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return children;
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
    }

    // ---------------------------------------------------------------- set form

    /** One {@code set} command per configured statement below {@code block}, prefixed by {@code path}. */
    List<String> setCommands(Node block, Container schema, List<String> path) {
        List<String> lines = new ArrayList<>();
        setCommands(lines, block, schema, path);
        return lines;
    }

    private void setCommands(List<String> lines, Node block, Container schema, List<String> path) {
        for (Node child : ordered(block, schema)) {
            SchemaNode<?> childSchema = schema == null ? null : Editor.schemaOf(schema, child);
            List<String> words = new ArrayList<>(path);
            boolean noKeyword = childSchema instanceof Leaf && ((Leaf) childSchema).isNoKeyword();
            if (!noKeyword) {
                words.add(Words.quote(child.keyword()));
            }
            if (child.isBlock()) {
                for (String argument : child.arguments()) {
                    words.add(Words.quote(argument));
                }
                if (child.mutableChildren().isEmpty()) {
                    if (!(childSchema instanceof Container) || ((Container) childSchema).isPresence()) {
                        lines.add("set " + String.join(" ", words));
                    }
                } else {
                    Container nested = childSchema instanceof Container ? (Container) childSchema
                            : childSchema instanceof ListNode ? ((ListNode) childSchema).entry() : null;
                    setCommands(lines, child, nested, words);
                }
            } else if (child.arguments().isEmpty()) {
                lines.add("set " + String.join(" ", words));
            } else {
                boolean secret = isSecret(childSchema);
                for (String value : childSchema instanceof LeafList ? child.arguments() : List.of(String.join(" ", child.arguments()))) {
                    String shown = secret || Sealer.isSealed(value) ? "\"" + displaySecret(value) + "\"" : Words.quote(value);
                    lines.add("set " + String.join(" ", words) + " " + shown);
                }
            }
        }
    }

    // ---------------------------------------------------------------- JSON

    /** The block as JSON-ready maps and lists: containers are objects, list entries carry a "name". */
    Map<String, Object> json(Node block, Container schema) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Node child : ordered(block, schema)) {
            SchemaNode<?> childSchema = schema == null ? null : Editor.schemaOf(schema, child);
            if (child.isBlock()) {
                Container nested = childSchema instanceof Container ? (Container) childSchema
                        : childSchema instanceof ListNode ? ((ListNode) childSchema).entry() : null;
                Map<String, Object> value = json(child, nested);
                if (childSchema instanceof ListNode) {
                    ListNode list = (ListNode) childSchema;
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", list.isKeyless() ? child.keyword() : String.join(" ", child.arguments()));
                    entry.putAll(value);
                    @SuppressWarnings("unchecked")
                    List<Object> entries = (List<Object>) object.computeIfAbsent(list.name(), k -> new ArrayList<>());
                    entries.add(entry);
                } else {
                    object.put(child.keyword(), value.isEmpty() && nested != null && nested.isPresence() ? Boolean.TRUE : value);
                }
            } else if (childSchema instanceof LeafList) {
                object.put(child.keyword(), new ArrayList<>(child.arguments()));
            } else if (childSchema instanceof Flag || child.arguments().isEmpty()) {
                object.put(child.keyword(), Boolean.TRUE);
            } else {
                String value = String.join(" ", child.arguments());
                object.put(child.keyword(), isSecret(childSchema) || Sealer.isSealed(value) ? displaySecret(value) : value);
            }
        }
        return object;
    }

    /** A secret's clear text, for checks. */
    byte[] reveal(String sealed) throws ConfigSyntaxException {
        if (!Sealer.isSealed(sealed)) {
            return sealed.getBytes(StandardCharsets.ISO_8859_1);
        }
        return sealer.open(sealed);
    }
}
