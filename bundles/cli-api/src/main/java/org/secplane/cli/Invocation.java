package org.secplane.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** One run of an operational command: its arguments, where to print, and how to ask the user. */
@ProviderType
public interface Invocation {

    Arguments arguments();

    /** The argument words as typed (for commands with free-form arguments, {@link ArgumentSpec#freeForm()}). */
    java.util.List<String> words();

    /** How the user asked the output to be shown ({@code | display json}, {@code | display set}). */
    Display display();

    /** The logged-in user. */
    String user();

    /** Where relative file names resolve (the shell session's current directory). */
    Path workingDirectory();

    /**
     * Prints a command's data: its text form, or JSON when the user asked for {@code | display json}.
     * Every {@code show} command prints through here.
     */
    void print(Report report);

    /** Plain message lines (results of {@code request} commands). */
    PrintStream out();

    /**
     * Asks a yes/no question, Junos style ({@code question [yes,no] (no) }). In a script the answer is
     * the next input line; without an answer it is "no".
     */
    boolean confirm(String question) throws IOException;

    /** Output forms selectable with {@code | display …}. */
    enum Display {
        TEXT, JSON, SET
    }
}
