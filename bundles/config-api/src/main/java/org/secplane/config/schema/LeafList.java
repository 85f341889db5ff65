package org.secplane.config.schema;

/** A statement with one or more values: {@code proposals [ p1 p2 ];}. */
public final class LeafList extends SchemaNode<LeafList> {

    private final ValueType type;
    private int min = 1;
    private int max = Integer.MAX_VALUE;

    LeafList(String name, ValueType type) {
        super(name);
        this.type = type;
    }

    public ValueType type() {
        return type;
    }

    /** At most {@code max} values (commit error beyond). */
    public LeafList max(int max) {
        this.max = max;
        return this;
    }

    public int max() {
        return max;
    }

    public LeafList min(int min) {
        this.min = min;
        return this;
    }

    public int min() {
        return min;
    }
}
