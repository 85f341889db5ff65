package org.secplane.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptStatementsTest {

    @Test
    void oneStatementPerLineSoOneWordLinesStayAlone() {
        assertEquals(List.of("configure", "set system host-name a", "show | compare", "commit"),
                ScriptStatements.split("configure\nset system host-name a\nshow | compare\ncommit\n"));
    }

    @Test
    void openBracesBracketsAndQuotesJoinLines() {
        String closure = "if { %(x != null) } {\n  keymap \"?\" list-choices\n}";
        assertEquals(List.of(closure, "echo done"), ScriptStatements.split(closure + "\necho done\n"));
        assertEquals(List.of("set a description \"two\nlines\"", "commit"),
                ScriptStatements.split("set a description \"two\nlines\"\ncommit"));
        assertEquals(List.of("set a proposals [ p1 p2 ]"), ScriptStatements.split("set a proposals [ p1 p2 ]\n"));
    }

    @Test
    void anAnswerLineStaysWithItsStatement() {
        assertEquals(List.of("request security pki ca-certificate load ca-profile c filename f\nyes", "show version"),
                ScriptStatements.split("request security pki ca-certificate load ca-profile c filename f\nyes\nshow version\n"));
    }

    @Test
    void loadTerminalTakesItsTextUpToCtrlD() {
        String script = "configure\nload merge terminal\nsecurity {\n  ike {\n}\n\u0004\ncommit\n";
        assertEquals(List.of("configure", "load merge terminal\nsecurity {\n  ike {\n}\n\u0004", "commit"),
                ScriptStatements.split(script));
    }

    @Test
    void semicolonsStayForKarafToSplit() {
        assertEquals(List.of("configure; load set /f; commit"), ScriptStatements.split("configure; load set /f; commit\n"));
    }
}
