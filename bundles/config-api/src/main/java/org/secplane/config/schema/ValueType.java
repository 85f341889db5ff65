package org.secplane.config.schema;

import java.util.List;

/** The type of a leaf value or a list key: checks and normalises what the user typed. */
public interface ValueType {

    /**
     * Returns the canonical form of {@code raw} (an alias mapped to its canonical spelling, a number
     * without leading zeros, …) or throws with a message naming what was expected.
     */
    String normalize(String raw) throws InvalidValueException;

    /** How the value is shown in help, e.g. {@code <180..86400>} or {@code (ah | esp)}. */
    String describe();

    /** Values to offer for completion; empty when the value is free-form. */
    default List<String> completions() {
        return List.of();
    }

    /**
     * The list this value names (as a statement path such as {@code security ike proposal}), so the
     * engine can check that it exists and complete its names; {@code null} when it names nothing.
     */
    default String referenceTo() {
        return null;
    }
}
