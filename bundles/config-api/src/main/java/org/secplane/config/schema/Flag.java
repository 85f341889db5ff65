package org.secplane.config.schema;

/** A statement without a value whose presence means something: {@code no-anti-replay;}. */
public final class Flag extends SchemaNode<Flag> {

    Flag(String name) {
        super(name);
    }
}
