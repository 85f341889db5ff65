package org.secplane.config.schema;

import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary for writing a schema, meant to be imported statically:
 *
 * <pre>
 * container("ike",
 *     list("proposal", key(name("proposal-name")),
 *         leaf("dh-group", enumeration("group1", "group2", "group5", "group14")),
 *         leaf("lifetime-seconds", integer(180, 86400)).defaultValue("28800"))
 *         .pid("org.secplane.ike.proposal"))
 * </pre>
 */
public final class Statements {

    private Statements() {
    }

    public static Container container(String name, Object... children) {
        return new Container(name, children);
    }

    /** A list whose entries are written {@code name KEY { … }}. */
    public static ListNode list(String name, List<Object> key, Object... entryChildren) {
        return new ListNode(name, false, key, entryChildren);
    }

    /** A list whose entries are written {@code KEY { … }}, without a keyword. */
    public static ListNode keylessList(String name, List<Object> key, Object... entryChildren) {
        return new ListNode(name, true, key, entryChildren);
    }

    /** A key: value types, with literal words (strings) between them for composite keys. */
    public static List<Object> key(Object... parts) {
        return Arrays.asList(parts);
    }

    public static Leaf leaf(String name, ValueType type) {
        return new Leaf(name, type);
    }

    public static LeafList leafList(String name, ValueType type) {
        return new LeafList(name, type);
    }

    public static Flag flag(String name) {
        return new Flag(name);
    }

    /** Alternatives of which at most one may be configured; setting one removes the others. */
    public static Container.Choice choice(SchemaNode<?>... alternatives) {
        return new Container.Choice(Arrays.asList(alternatives));
    }
}
