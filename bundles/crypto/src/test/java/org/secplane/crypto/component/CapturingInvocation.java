package org.secplane.crypto.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.secplane.cli.Arguments;
import org.secplane.cli.Invocation;
import org.secplane.cli.Report;

/** An invocation that keeps what the command printed. */
class CapturingInvocation implements Invocation {

    Report report;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.printText(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Arguments arguments() {
        return new Arguments(Map.of());
    }

    @Override
    public List<String> words() {
        return List.of();
    }

    @Override
    public Display display() {
        return Display.TEXT;
    }

    @Override
    public String user() {
        return "test";
    }

    @Override
    public Path workingDirectory() {
        return Path.of(".");
    }

    @Override
    public void print(Report report) {
        this.report = report;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public boolean confirm(String question) {
        return false;
    }
}
