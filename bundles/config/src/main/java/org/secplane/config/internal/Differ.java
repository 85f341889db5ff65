package org.secplane.config.internal;

import java.util.ArrayList;
import java.util.List;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;

/**
 * {@code show | compare}: what changed from one configuration to another, grouped under
 * {@code [edit …]} banners, removed lines with {@code -} and added lines with {@code +}.
 */
final class Differ {

    private final Renderer renderer;
    private final List<String> lines = new ArrayList<>();

    private Differ(Renderer renderer) {
        this.renderer = renderer;
    }

    static List<String> diff(Node before, Node after, Container schema, Renderer renderer) {
        Differ differ = new Differ(renderer);
        differ.block(before, after, schema);
        return differ.lines;
    }

    private void block(Node before, Node after, Container schema) {
        List<String> changes = new ArrayList<>();
        List<Runnable> nested = new ArrayList<>();
        for (Node old : Renderer.ordered(before, schema)) {
            Node now = counterpart(after, old);
            if (now == null) {
                prefixed(changes, "-", renderer.statement(old, schema, 1));
            }
        }
        for (Node now : Renderer.ordered(after, schema)) {
            Node old = counterpart(before, now);
            if (old == null) {
                prefixed(changes, "+", renderer.statement(now, schema, 1));
            } else if (!now.isBlock()) {
                if (!old.arguments().equals(now.arguments())) {
                    prefixed(changes, "-", renderer.statement(old, schema, 1));
                    prefixed(changes, "+", renderer.statement(now, schema, 1));
                }
            } else if (!old.sameTree(now)) {
                SchemaNode<?> childSchema = schema == null ? null : Editor.schemaOf(schema, now);
                Container nestedSchema = childSchema instanceof Container ? (Container) childSchema
                        : childSchema instanceof ListNode ? ((ListNode) childSchema).entry() : null;
                nested.add(() -> block(old, now, nestedSchema));
            }
        }
        if (!changes.isEmpty()) {
            lines.add(Messages.banner(after.path()));
            lines.addAll(changes);
        }
        nested.forEach(Runnable::run);
    }

    private static Node counterpart(Node parent, Node statement) {
        for (Node candidate : parent.mutableChildren()) {
            if (candidate.sameStatement(statement)) {
                return candidate;
            }
        }
        return null;
    }

    private static void prefixed(List<String> out, String sign, String text) {
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                out.add(sign + line.substring(1));
            }
        }
    }
}
