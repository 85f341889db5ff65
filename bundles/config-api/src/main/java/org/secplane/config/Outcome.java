package org.secplane.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The result of an editing operation: whether it succeeded and the lines to show the user. */
public final class Outcome {

    private final boolean success;
    private final List<String> lines;

    private Outcome(boolean success, List<String> lines) {
        this.success = success;
        this.lines = Collections.unmodifiableList(new ArrayList<>(lines));
    }

    public static Outcome ok(String... lines) {
        return new Outcome(true, List.of(lines));
    }

    public static Outcome ok(List<String> lines) {
        return new Outcome(true, lines);
    }

    public static Outcome failed(List<String> lines) {
        return new Outcome(false, lines);
    }

    public static Outcome failed(String... lines) {
        return new Outcome(false, List.of(lines));
    }

    public boolean isSuccess() {
        return success;
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
