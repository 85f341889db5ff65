package org.secplane.cli;

import java.io.PrintStream;
import java.util.function.Consumer;

/** What a command shows: the same data as text (the guides' format) and as JSON-ready structure. */
public interface Report {

    /** Prints the text form. */
    void printText(PrintStream out);

    /** The data: maps (insertion-ordered), lists, strings, numbers, booleans. */
    Object data();

    static Report of(Object data, Consumer<PrintStream> text) {
        return new Report() {
            @Override
            public void printText(PrintStream out) {
                text.accept(out);
            }

            @Override
            public Object data() {
                return data;
            }
        };
    }
}
