package org.secplane.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.console.Session;
import org.secplane.cli.Arguments;
import org.secplane.cli.Invocation;
import org.secplane.cli.Report;
import org.secplane.core.Json;

/** An operational command's run inside a shell session. */
public final class CliInvocation implements Invocation {

    private final Session session;
    private final Arguments arguments;
    private final List<String> words;
    private final Output output;
    private final String scriptedAnswer;

    public CliInvocation(Session session, Arguments arguments, List<String> words, Output output, String scriptedAnswer) {
        this.session = session;
        this.arguments = arguments;
        this.words = words;
        this.output = output;
        this.scriptedAnswer = scriptedAnswer;
    }

    @Override
    public Arguments arguments() {
        return arguments;
    }

    @Override
    public List<String> words() {
        return words;
    }

    @Override
    public Display display() {
        return output.display();
    }

    @Override
    public String user() {
        Object user = session.get("USER");
        return user == null ? "admin" : user.toString();
    }

    @Override
    public Path workingDirectory() {
        Path current = session.currentDir();
        return current == null ? Path.of(System.getProperty("karaf.base", ".")) : current;
    }

    @Override
    public void print(Report report) {
        if (output.display() == Display.JSON) {
            output.stream().print(Json.write(report.data()));
        } else {
            report.printText(output.stream());
        }
    }

    @Override
    public PrintStream out() {
        return output.stream();
    }

    @Override
    public boolean confirm(String question) throws IOException {
        String prompt = question + " [yes,no] (no) ";
        String answer;
        if (scriptedAnswer != null) {
            output.stream().println(prompt + scriptedAnswer.trim());
            answer = scriptedAnswer;
        } else {
            output.flushTo(session.getConsole());
            try {
                answer = session.readLine(prompt, null);
            } catch (IOException | RuntimeException noTerminal) {
                answer = null;
            }
            if (answer == null) {
                session.getConsole().println();
            }
        }
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).matches("y|yes");
    }
}
