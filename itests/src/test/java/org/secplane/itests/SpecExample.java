package org.secplane.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One configuration example of the specs with what must happen when it is loaded and checked. */
final class SpecExample {

    final Path file;
    final String source;
    final List<String> expectations;
    final String docBug;

    private SpecExample(Path file, String source, List<String> expectations, String docBug) {
        this.file = file;
        this.source = source;
        this.expectations = expectations;
        this.docBug = docBug;
    }

    boolean isSetForm() {
        return file.getFileName().toString().endsWith(".set");
    }

    boolean expectsSuccess() {
        return expectations.stream().noneMatch(e -> e.startsWith("error:"));
    }

    String text() throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    /**
     * Every example under {@code src/test/resources/spec-examples}, or only those of the subdirectory
     * named by the system property {@code spec.examples} (e.g. {@code -Dspec.examples=pki}).
     */
    static List<SpecExample> all() throws IOException {
        Path root = Paths.get("src/test/resources/spec-examples").toAbsolutePath();
        String only = System.getProperty("spec.examples", "");
        if (!only.isBlank()) {
            root = root.resolve(only);
        }
        List<SpecExample> examples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".set") || p.toString().endsWith(".conf"))
                    .sorted().collect(Collectors.toList())) {
                examples.add(read(file));
            }
        }
        return examples;
    }

    private static SpecExample read(Path file) throws IOException {
        String source = "";
        String docBug = null;
        List<String> expectations = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("#")) {
                if (!trimmed.isEmpty()) {
                    break;
                }
                continue;
            }
            String comment = trimmed.replaceFirst("^#+\\s*", "");
            if (comment.startsWith("source:")) {
                source = comment.substring(7).trim();
            } else if (comment.startsWith("expect:")) {
                expectations.add(comment.substring(7).trim());
            } else if (comment.startsWith("doc-bug:")) {
                docBug = comment.substring(8).trim();
            }
        }
        if (expectations.isEmpty()) {
            throw new IllegalStateException(file + " has no '# expect:' line");
        }
        if (!expectations.stream().allMatch(e -> e.equals("success") || e.startsWith("error:") || e.startsWith("warning:"))) {
            throw new IllegalStateException(file + ": expect must be success, error: TEXT or warning: TEXT");
        }
        if (expectations.stream().anyMatch(e -> e.startsWith("error:")) && docBug == null) {
            throw new IllegalStateException(file + " expects an error but does not name the doc bug (# doc-bug:)");
        }
        return new SpecExample(file, source, expectations, docBug);
    }

    /** Checks {@code output} (everything load and commit check printed) against the expectations. */
    String mismatch(boolean succeeded, String output) {
        for (String expectation : expectations) {
            if (expectation.equals("success")) {
                if (!succeeded) {
                    return "expected success, got:\n" + output;
                }
            } else if (expectation.startsWith("error:")) {
                String text = expectation.substring(6).trim();
                if (succeeded || !output.contains(text)) {
                    return "expected an error containing '" + text + "', got:\n" + output;
                }
            } else {
                String text = expectation.substring(8).trim();
                if (!succeeded || !output.contains("warning: ") || !output.contains(text)) {
                    return "expected success with a warning containing '" + text + "', got:\n" + output;
                }
            }
        }
        return null;
    }
}
