package org.secplane.config.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.secplane.config.ConfigView;
import org.secplane.config.Words;

/**
 * One statement of a configuration tree, independent of any schema: a keyword, its arguments (list key
 * or leaf values) and, for blocks, ordered children. Because it needs no schema, a stored configuration
 * loads before every bundle has contributed its statements.
 */
final class Node implements ConfigView {

    private final String keyword;
    private final List<String> arguments;
    private final boolean block;
    private final List<Node> children;
    private boolean bracketed;
    private Node parent;

    Node(String keyword, List<String> arguments, boolean block) {
        this.keyword = keyword;
        this.arguments = new ArrayList<>(arguments);
        this.block = block;
        this.children = block ? new ArrayList<>() : Collections.emptyList();
    }

    static Node root() {
        return new Node("", List.of(), true);
    }

    Node copy() {
        Node copy = new Node(keyword, arguments, block);
        copy.bracketed = bracketed;
        for (Node child : children) {
            copy.append(child.copy());
        }
        return copy;
    }

    boolean isRoot() {
        return parent == null && keyword.isEmpty();
    }

    /** A leaf-list written with brackets. */
    boolean isBracketed() {
        return bracketed;
    }

    void setBracketed(boolean bracketed) {
        this.bracketed = bracketed;
    }

    List<String> mutableArguments() {
        return arguments;
    }

    List<Node> mutableChildren() {
        return children;
    }

    Node append(Node child) {
        child.parent = this;
        children.add(child);
        return child;
    }

    void insert(int index, Node child) {
        child.parent = this;
        children.add(index, child);
    }

    void remove(Node child) {
        children.remove(child);
        child.parent = null;
    }

    /** Two statements are the same one: blocks by keyword and key, leaves by keyword. */
    boolean sameStatement(Node other) {
        return keyword.equals(other.keyword) && block == other.block && (!block || arguments.equals(other.arguments));
    }

    Node findBlock(String keyword, List<String> key) {
        for (Node child : children) {
            if (child.block && child.keyword.equals(keyword) && child.arguments.equals(key)) {
                return child;
            }
        }
        return null;
    }

    Node findLeaf(String keyword) {
        for (Node child : children) {
            if (!child.block && child.keyword.equals(keyword)) {
                return child;
            }
        }
        return null;
    }

    Node findAny(String keyword) {
        for (Node child : children) {
            if (child.keyword.equals(keyword)) {
                return child;
            }
        }
        return null;
    }

    Node blockChild(String keyword, List<String> key) {
        Node existing = findBlock(keyword, key);
        return existing != null ? existing : append(new Node(keyword, key, true));
    }

    /** Sets a leaf's values, keeping its position when it exists. */
    Node setLeaf(String keyword, List<String> values) {
        Node existing = findLeaf(keyword);
        if (existing != null) {
            existing.arguments.clear();
            existing.arguments.addAll(values);
            return existing;
        }
        return append(new Node(keyword, values, false));
    }

    /** Removes the children named {@code keyword} (any kind). */
    void removeAll(String keyword) {
        children.removeIf(child -> child.keyword.equals(keyword));
    }

    /** Structural equality of the whole subtree. */
    boolean sameTree(Node other) {
        if (!sameStatement(other) || !arguments.equals(other.arguments) || children.size() != other.children.size()) {
            return false;
        }
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).sameTree(other.children.get(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- ConfigView ----

    @Override
    public String keyword() {
        return keyword;
    }

    @Override
    public List<String> arguments() {
        return Collections.unmodifiableList(arguments);
    }

    @Override
    public String value() {
        return arguments.isEmpty() ? null : arguments.get(0);
    }

    @Override
    public boolean isBlock() {
        return block;
    }

    @Override
    public List<ConfigView> children() {
        return Collections.unmodifiableList(children);
    }

    @Override
    public List<ConfigView> children(String keyword) {
        List<ConfigView> matching = new ArrayList<>();
        for (Node child : children) {
            if (child.keyword.equals(keyword)) {
                matching.add(child);
            }
        }
        return matching;
    }

    @Override
    public Optional<ConfigView> child(String keyword) {
        return Optional.ofNullable(findAny(keyword));
    }

    @Override
    public Optional<ConfigView> entry(String keyword, String key) {
        for (Node child : children) {
            if (child.block && child.keyword.equals(keyword) && String.join(" ", child.arguments).equals(key)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ConfigView> find(String... keywords) {
        Node current = this;
        for (String word : keywords) {
            current = current.findAny(word);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    @Override
    public Optional<String> leaf(String... keywords) {
        return find(keywords).map(ConfigView::value);
    }

    @Override
    public List<String> values(String keyword) {
        Node leaf = findLeaf(keyword);
        return leaf == null ? List.of() : Collections.unmodifiableList(leaf.arguments);
    }

    @Override
    public boolean has(String... keywords) {
        return find(keywords).isPresent();
    }

    @Override
    public List<String> path() {
        List<String> path = parent == null ? new ArrayList<>() : new ArrayList<>(parent.path());
        if (!isRoot()) {
            path.add(keyword);
            if (block) {
                path.addAll(arguments);
            }
        }
        return path;
    }

    @Override
    public ConfigView parent() {
        return parent;
    }

    Node parentNode() {
        return parent;
    }

    @Override
    public String statementText() {
        StringBuilder text = new StringBuilder(keyword);
        for (String argument : arguments) {
            text.append(' ').append(Words.quote(argument));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return String.join(" ", path());
    }
}
