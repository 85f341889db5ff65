package org.secplane.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parsed arguments of one invocation: option values (normalised) and flags. */
public final class Arguments {

    private final Map<String, String> values;

    public Arguments(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of option or positional argument {@code name}, or its default. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of a required argument. */
    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("argument " + name + " was not parsed");
        }
        return value;
    }

    /** Whether flag {@code name} was given. */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
