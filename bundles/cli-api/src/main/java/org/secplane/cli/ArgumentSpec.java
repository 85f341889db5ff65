package org.secplane.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.ValueType;

/**
 * The grammar of an operational command's arguments, Junos style: keyword options with a value
 * ({@code certificate-id vpn1}), flags ({@code detail}), and at most a few positional values
 * ({@code show security ike security-associations 192.0.2.1}) in any order.
 */
public final class ArgumentSpec {

    /** One argument. */
    public static final class Argument {
        private final String name;
        private final ValueType type;
        private final String help;
        private final boolean required;
        private final String defaultValue;

        Argument(String name, ValueType type, String help, boolean required, String defaultValue) {
            this.name = name;
            this.type = type;
            this.help = help;
            this.required = required;
            this.defaultValue = defaultValue;
        }

        public String name() {
            return name;
        }

        /** {@code null} for a flag. */
        public ValueType type() {
            return type;
        }

        public String help() {
            return help;
        }

        public boolean isRequired() {
            return required;
        }

        public boolean isFlag() {
            return type == null;
        }
    }

    private final Map<String, Argument> options;
    private final List<Argument> positionals;
    private final List<List<String>> exclusive;
    private final boolean freeForm;

    private ArgumentSpec(Map<String, Argument> options, List<Argument> positionals, List<List<String>> exclusive,
            boolean freeForm) {
        this.options = Collections.unmodifiableMap(options);
        this.positionals = Collections.unmodifiableList(positionals);
        this.exclusive = Collections.unmodifiableList(exclusive);
        this.freeForm = freeForm;
    }

    public static ArgumentSpec none() {
        return builder().build();
    }

    /** Any words; the command reads them from {@link Invocation#words()}. */
    public static ArgumentSpec freeForm() {
        return new ArgumentSpec(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), true);
    }

    public boolean isFreeForm() {
        return freeForm;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Argument> options() {
        return options;
    }

    public List<Argument> positionals() {
        return positionals;
    }

    /**
     * Parses {@code words}. Throws with a message naming the offending word and what was expected.
     */
    public Arguments parse(List<String> words) throws CommandFailedException {
        Map<String, String> values = new LinkedHashMap<>();
        if (freeForm) {
            return new Arguments(values);
        }
        int nextPositional = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            Argument option = option(word);
            if (option != null) {
                if (values.containsKey(option.name) && !option.isFlag()) {
                    throw new CommandFailedException("syntax error: '" + option.name + "' given twice");
                }
                if (option.isFlag()) {
                    values.put(option.name, "");
                } else {
                    if (i + 1 >= words.size()) {
                        throw new CommandFailedException("syntax error: '" + option.name + "' needs a value "
                                + option.type.describe());
                    }
                    values.put(option.name, value(option, words.get(++i)));
                }
                continue;
            }
            if (nextPositional < positionals.size()) {
                Argument positional = positionals.get(nextPositional++);
                values.put(positional.name, value(positional, word));
                continue;
            }
            throw new CommandFailedException("syntax error: '" + word + "' is not valid here; expecting " + describe());
        }
        for (List<String> group : exclusive) {
            List<String> given = new ArrayList<>(group);
            given.retainAll(values.keySet());
            if (given.size() > 1) {
                throw new CommandFailedException("syntax error: " + String.join(" and ", given) + " cannot be used together");
            }
        }
        for (Argument argument : all()) {
            if (!values.containsKey(argument.name)) {
                if (argument.required) {
                    throw new CommandFailedException("syntax error: missing '" + argument.name + "'"
                            + (argument.type == null ? "" : " " + argument.type.describe()));
                }
                if (argument.defaultValue != null) {
                    values.put(argument.name, argument.defaultValue);
                }
            }
        }
        return new Arguments(values);
    }

    private Argument option(String word) {
        Argument exact = options.get(word);
        if (exact != null) {
            return exact;
        }
        Argument unique = null;
        for (Argument option : options.values()) {
            if (option.name.startsWith(word) && word.length() >= 2) {
                if (unique != null) {
                    return null;
                }
                unique = option;
            }
        }
        return unique;
    }

    private static String value(Argument argument, String raw) throws CommandFailedException {
        try {
            return argument.type.normalize(raw);
        } catch (InvalidValueException e) {
            throw new CommandFailedException("'" + argument.name + "': " + e.getMessage());
        }
    }

    private List<Argument> all() {
        List<Argument> all = new ArrayList<>(options.values());
        all.addAll(positionals);
        return all;
    }

    /** What may come next, for error messages and help. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Argument option : options.values()) {
            parts.add(option.isFlag() ? option.name : option.name + " " + option.type.describe());
        }
        for (Argument positional : positionals) {
            parts.add(positional.type.describe());
        }
        return parts.isEmpty() ? "nothing more" : String.join(" | ", parts);
    }

    /** Builds an {@link ArgumentSpec}. */
    public static final class Builder {
        private final Map<String, Argument> options = new LinkedHashMap<>();
        private final List<Argument> positionals = new ArrayList<>();
        private final List<List<String>> exclusive = new ArrayList<>();

        /** An optional keyword with a value. */
        public Builder option(String name, ValueType type, String help) {
            options.put(name, new Argument(name, type, help, false, null));
            return this;
        }

        /** An optional keyword with a value that defaults to {@code defaultValue}. */
        public Builder option(String name, ValueType type, String help, String defaultValue) {
            options.put(name, new Argument(name, type, help, false, defaultValue));
            return this;
        }

        /** A keyword with a value that must be given. */
        public Builder required(String name, ValueType type, String help) {
            options.put(name, new Argument(name, type, help, true, null));
            return this;
        }

        public Builder flag(String name, String help) {
            options.put(name, new Argument(name, null, help, false, null));
            return this;
        }

        /** An optional value without a keyword, matched in declaration order. */
        public Builder positional(String name, ValueType type, String help) {
            positionals.add(new Argument(name, type, help, false, null));
            return this;
        }

        /** At most one of these may be given. */
        public Builder exclusive(String... names) {
            exclusive.add(List.of(names));
            return this;
        }

        public ArgumentSpec build() {
            return new ArgumentSpec(new LinkedHashMap<>(options), new ArrayList<>(positionals), new ArrayList<>(exclusive),
                    false);
        }
    }
}
