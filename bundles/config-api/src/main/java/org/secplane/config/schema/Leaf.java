package org.secplane.config.schema;

/** A statement with one value: {@code dh-group group2;}. */
public final class Leaf extends SchemaNode<Leaf> {

    private final ValueType type;
    private String defaultValue;
    private boolean mandatory;
    private boolean valueOptional;
    private boolean noKeyword;

    Leaf(String name, ValueType type) {
        super(name);
        this.type = type;
    }

    public ValueType type() {
        return type;
    }

    /** The value in effect when the statement is absent (or present without its optional value). */
    public Leaf defaultValue(String value) {
        this.defaultValue = value;
        return this;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The statement must be present whenever its parent is (commit error otherwise). */
    public Leaf mandatory() {
        this.mandatory = true;
        return this;
    }

    public boolean isMandatory() {
        return mandatory;
    }

    /** The value may be omitted ({@code respond-bad-spi;} means the default). */
    public Leaf valueOptional() {
        this.valueOptional = true;
        return this;
    }

    public boolean isValueOptional() {
        return valueOptional;
    }

    /** The value is written without the statement's keyword ({@code file kmd;} names the file). */
    public Leaf noKeyword() {
        this.noKeyword = true;
        return this;
    }

    public boolean isNoKeyword() {
        return noKeyword;
    }
}
