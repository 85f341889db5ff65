package org.secplane.config.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container statement: {@code name { children }}. */
public final class Container extends SchemaNode<Container> {

    private final Map<String, SchemaNode<?>> children = new LinkedHashMap<>();
    private final List<List<String>> choices = new ArrayList<>();
    private boolean oneLine;
    private boolean presence;
    private boolean flat;
    private String pid;

    public Container(String name, Object... items) {
        super(name);
        add(items);
    }

    /** Adds children ({@link SchemaNode}s or {@link Choice}s). */
    public Container add(Object... items) {
        for (Object item : items) {
            if (item instanceof Choice) {
                List<String> group = new ArrayList<>();
                for (SchemaNode<?> alternative : ((Choice) item).alternatives()) {
                    addChild(alternative);
                    group.add(alternative.name());
                }
                choices.add(Collections.unmodifiableList(group));
            } else if (item instanceof SchemaNode) {
                addChild((SchemaNode<?>) item);
            } else {
                throw new IllegalArgumentException("not a statement or choice: " + item);
            }
        }
        return this;
    }

    private void addChild(SchemaNode<?> child) {
        if (children.putIfAbsent(child.name(), child) != null) {
            throw new IllegalArgumentException("statement '" + child.name() + "' defined twice in '" + name() + "'");
        }
        if (child instanceof ListNode && ((ListNode) child).isKeyless() && keylessList() != child) {
            throw new IllegalArgumentException("container '" + name() + "' has two lists without a keyword");
        }
    }

    public Collection<SchemaNode<?>> children() {
        return Collections.unmodifiableCollection(children.values());
    }

    /** The child named {@code word} (or with that alias), or {@code null}. */
    public SchemaNode<?> child(String word) {
        SchemaNode<?> exact = children.get(word);
        if (exact != null && !(exact instanceof ListNode && ((ListNode) exact).isKeyless())) {
            // a keyword-less list is never named by its internal name: routing-instances instance …
            return exact;
        }
        for (SchemaNode<?> child : children.values()) {
            if (!(child instanceof ListNode && ((ListNode) child).isKeyless()) && child.isNamed(word)) {
                return child;
            }
        }
        return null;
    }

    /** The list whose entries appear without a keyword ({@code interfaces { ge-0/0/0 {…} }}), or {@code null}. */
    public ListNode keylessList() {
        for (SchemaNode<?> child : children.values()) {
            if (child instanceof ListNode && ((ListNode) child).isKeyless()) {
                return (ListNode) child;
            }
        }
        return null;
    }

    /** The leaf written without its keyword ({@code file kmd;}), or {@code null}. */
    public Leaf noKeywordLeaf() {
        for (SchemaNode<?> child : children.values()) {
            if (child instanceof Leaf && ((Leaf) child).isNoKeyword()) {
                return (Leaf) child;
            }
        }
        return null;
    }

    /** The names of the other alternatives of the choice {@code childName} belongs to. */
    public List<String> exclusiveWith(String childName) {
        for (List<String> group : choices) {
            if (group.contains(childName)) {
                List<String> others = new ArrayList<>(group);
                others.remove(childName);
                return others;
            }
        }
        return List.of();
    }

    /** Whether it is shown on one line with its single child, as {@code pre-shared-key ascii-text "…";}. */
    public boolean isOneLine() {
        return oneLine;
    }

    public Container oneLine() {
        this.oneLine = true;
        return this;
    }

    /**
     * Its presence alone means something ({@code revocation-check { crl; }}): configured without
     * children it is kept, shown as {@code crl;} and not removed when its last child is deleted.
     */
    public Container presence() {
        this.presence = true;
        return this;
    }

    public boolean isPresence() {
        return presence;
    }

    /**
     * Shown merged with each of its children, as Junos shows {@code family inet { … }} and
     * {@code family inet6;} rather than {@code family { inet { … } }}.
     */
    public Container flat() {
        this.flat = true;
        return this;
    }

    public boolean isFlat() {
        return flat;
    }

    /**
     * Projects this container, when configured, into Config Admin as one factory configuration of
     * {@code factoryPid} named after the container.
     */
    public Container pid(String factoryPid) {
        this.pid = factoryPid;
        return this;
    }

    public String pid() {
        return pid;
    }

    /** A copy with the same settings and children, for merging contributions without changing them. */
    Container copy() {
        Container copy = new Container(name());
        copy.help(help());
        for (String alias : aliases()) {
            copy.alias(alias);
        }
        copy.children.putAll(children);
        copy.choices.addAll(choices);
        copy.oneLine = oneLine;
        copy.presence = presence;
        copy.flat = flat;
        copy.pid = pid;
        return copy;
    }

    /** Merges {@code other}'s children into this copy; returns the names that clashed. */
    List<String> mergeFrom(Container other) {
        List<String> clashes = new ArrayList<>();
        for (SchemaNode<?> child : other.children.values()) {
            SchemaNode<?> mine = children.get(child.name());
            if (mine == null) {
                children.put(child.name(), child);
            } else if (mine instanceof Container && child instanceof Container) {
                Container merged = ((Container) mine).copy();
                clashes.addAll(merged.mergeFrom((Container) child));
                children.put(child.name(), merged);
            } else {
                clashes.add(child.name());
            }
        }
        choices.addAll(other.choices);
        if (pid == null) {
            pid = other.pid;
        }
        return clashes;
    }

    /** Alternatives of which at most one may be configured. */
    public static final class Choice {
        private final List<SchemaNode<?>> alternatives;

        Choice(List<SchemaNode<?>> alternatives) {
            this.alternatives = alternatives;
        }

        List<SchemaNode<?>> alternatives() {
            return alternatives;
        }
    }
}
