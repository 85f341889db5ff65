package org.secplane.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JunosLineParserTest {

    private final JunosLineParser parser = new JunosLineParser("secplane:set");

    @Test
    void takesTheWholeStatementWithDollarsBracketsBracesAndPipes() {
        String line = "set security ike policy p pre-shared-key ascii-text \"$9$ab{c}\" | display [ x ]";
        CommandLine parsed = parser.parse(null, line, line.length());
        assertEquals(line, parsed.getBuffer());
        String gogo = parser.preprocess(null, parsed);
        assertTrue(gogo.matches("secplane:set J[A-Za-z0-9_-]+"), gogo);
        RawStatement raw = RawStatement.decode("set", List.of(gogo.substring("secplane:set ".length())));
        assertEquals(line, raw.statement());
        assertNull(raw.following());
        assertEquals(List.of("set security ike policy p pre-shared-key ascii-text \"$9$ab{c}\"", "display [ x ]"),
                raw.segments());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "stops at a semicolon between statements; configure; commit|configure",
        "a quoted semicolon stays in the statement; set system host-name \"a;b\"; commit|set system host-name \"a;b\"",
    })
    void statementEndsAtTheFirstUnquotedSemicolon(String name, String expected) {
        String line = name.substring(name.indexOf("; ") + 2);
        CommandLine parsed = parser.parse(null, line, line.length());
        assertEquals(expected, parsed.getBuffer());
        assertEquals(';', line.charAt(parsed.getBuffer().length()));
    }

    @Test
    void aYesOrNoLineAfterTheStatementTravelsAsItsAnswer() {
        String script = "request security pki ca-certificate load ca-profile ca filename ca.pem\nyes\nshow version\n";
        CommandLine parsed = parser.parse(null, script, script.length());
        assertEquals("request security pki ca-certificate load ca-profile ca filename ca.pem\nyes", parsed.getBuffer());
        RawStatement raw = RawStatement.decode("request", List.of(RawStatement.encode(parsed.getBuffer())));
        assertEquals("yes", raw.following());
        String notAnAnswer = "show version\nshow configuration\n";
        assertEquals("show version", parser.parse(null, notAnAnswer, notAnAnswer.length()).getBuffer());
    }

    @Test
    void loadTerminalTakesTheFollowingLinesUpToCtrlD() {
        String script = "load merge terminal\nsystem {\n  host-name r1;\n}\n\u0004\ncommit\n";
        CommandLine parsed = parser.parse(null, script, script.length());
        assertEquals("load merge terminal\nsystem {\n  host-name r1;\n}\n\u0004", parsed.getBuffer());
        assertEquals('\n', script.charAt(parsed.getBuffer().length()));
    }

    @Test
    void wordsAndCursorForCompletion() {
        String line = "set security ike prop";
        CommandLine parsed = parser.parse(null, line, line.length());
        assertArrayEquals(new String[] {"set", "security", "ike", "prop"}, parsed.getArguments());
        assertEquals(3, parsed.getCursorArgumentIndex());
        assertEquals(4, parsed.getArgumentPosition());
        CommandLine afterSpace = parser.parse(null, "set security ", 13);
        assertArrayEquals(new String[] {"set", "security", ""}, afterSpace.getArguments());
        assertEquals(2, afterSpace.getCursorArgumentIndex());
        // the console passes the statement without trailing blanks and the cursor after them
        CommandLine trimmed = parser.parse(null, "show", 5);
        assertArrayEquals(new String[] {"show", ""}, trimmed.getArguments());
        assertEquals(1, trimmed.getCursorArgumentIndex());
        assertEquals("show ", trimmed.getBuffer());
    }

    @Test
    void plainArgumentsFromAGogoScriptAreJoined() {
        RawStatement raw = RawStatement.decode("show", List.of("version", "detail"));
        assertEquals("show version detail", raw.statement());
    }
}
