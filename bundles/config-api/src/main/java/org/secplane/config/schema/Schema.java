package org.secplane.config.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The union of the schema contributions of the installed bundles, rooted at the top level. */
public final class Schema {

    private final Container root;
    private final List<String> clashes;

    private Schema(Container root, List<String> clashes) {
        this.root = root;
        this.clashes = clashes;
    }

    public static Schema empty() {
        return new Schema(new Container("configuration"), List.of());
    }

    /** The top level: {@code security}, {@code interfaces}, {@code services}, … */
    public Container root() {
        return root;
    }

    /** Statements two contributions both defined (the first one kept), for the log. */
    public List<String> clashes() {
        return clashes;
    }

    /**
     * Merges contributions: each adds its statements below the container at its anchor path (created as
     * needed). Containers of the same name merge; anything else defined twice keeps the first.
     */
    public static Schema merge(List<Anchored> contributions) {
        Container root = new Container("configuration");
        List<String> clashes = new ArrayList<>();
        for (Anchored contribution : contributions) {
            Container wrapper = new Container("configuration");
            Container parent = wrapper;
            for (String word : contribution.anchor()) {
                Container next = new Container(word);
                parent.add(next);
                parent = next;
            }
            for (SchemaNode<?> statement : contribution.statements()) {
                parent.add(statement);
            }
            for (String clash : root.mergeFrom(wrapper)) {
                clashes.add(String.join(" ", contribution.anchor()) + " " + clash);
            }
        }
        return new Schema(root, Collections.unmodifiableList(clashes));
    }

    /**
     * Statements to add below the container at {@code anchorPath}, words separated by spaces
     * ({@code "security"}, {@code "services"}; {@code ""} for the top level).
     */
    public static Anchored at(String anchorPath, SchemaNode<?>... statements) {
        List<String> anchor = anchorPath.isBlank() ? List.of() : List.of(anchorPath.trim().split("\\s+"));
        return new Anchored(anchor, List.of(statements));
    }

    /** One contribution: statements to add below {@code anchor} (an empty list anchors at the top level). */
    public static final class Anchored {
        private final List<String> anchor;
        private final List<SchemaNode<?>> statements;

        public Anchored(List<String> anchor, List<SchemaNode<?>> statements) {
            this.anchor = List.copyOf(anchor);
            this.statements = List.copyOf(statements);
        }

        public List<String> anchor() {
            return anchor;
        }

        public List<SchemaNode<?>> statements() {
            return statements;
        }
    }
}
