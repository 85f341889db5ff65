package org.secplane.itests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Host commands for scenario tests ({@code ip}, {@code nft}, {@code python3} in a namespace), each bounded in time. */
final class Commands {

    /** What a command did. */
    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Commands() {
    }

    /** Runs {@code command} with standard input {@code input} (or /dev/null); never throws for a failed command. */
    static Result exec(List<String> command, String input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process = builder.start();
        if (input != null) {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(output);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; returns its output. */
    static String must(String... command) throws Exception {
        Result r = exec(List.of(command), null);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exit() + ": " + r.output());
        }
        return r.output();
    }

    /** Runs a command that must succeed, with {@code input} on its standard input. */
    static String mustWithInput(String input, String... command) throws Exception {
        Result r = exec(List.of(command), input);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exit() + ": " + r.output());
        }
        return r.output();
    }
}
