package org.secplane.config.schema;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One statement of the schema. Built once by the contributing bundle and not changed after it is
 * contributed.
 *
 * @param <S> the concrete type, so that the fluent setters keep it
 */
public abstract class SchemaNode<S extends SchemaNode<S>> {

    private final String name;
    private String help = "";
    private final Set<String> aliases = new LinkedHashSet<>();

    protected SchemaNode(String name) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("statement name must be one word: '" + name + "'");
        }
        this.name = name;
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public Set<String> aliases() {
        return Collections.unmodifiableSet(aliases);
    }

    /** Whether {@code word} names this statement, by its name or an alias. */
    public boolean isNamed(String word) {
        return name.equals(word) || aliases.contains(word);
    }

    /** The help text shown by {@code ?} and completion. */
    public S help(String text) {
        this.help = text;
        return self();
    }

    /** A spelling variant the guides use; it is accepted on input and shown in the canonical name. */
    public S alias(String spelling) {
        aliases.add(spelling);
        return self();
    }
}
