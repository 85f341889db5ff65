package org.secplane.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Arguments;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.schema.Types;

class OperationalDispatcherTest {

    private static OperationalCommand command(String name, ArgumentSpec spec) {
        return new OperationalCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String help() {
                return "help of " + name;
            }

            @Override
            public ArgumentSpec arguments() {
                return spec;
            }

            @Override
            public void execute(Invocation invocation) {
            }
        };
    }

    private final OperationalDispatcher dispatcher = new OperationalDispatcher(List.of(
            command("show version", ArgumentSpec.none()),
            command("show security ike security-associations", ArgumentSpec.builder()
                    .positional("peer-address", Types.ipAddress(), "peer")
                    .option("index", Types.integer(1, 4294967295L), "index")
                    .flag("detail", "detail").flag("brief", "brief").exclusive("brief", "detail").build()),
            command("show security ike active-peer", ArgumentSpec.none()),
            command("show security ipsec security-associations", ArgumentSpec.none()),
            command("request security pki generate-key-pair", ArgumentSpec.builder()
                    .required("certificate-id", Types.name("id"), "id")
                    .option("size", Types.integer(1024, 4096), "size", "2048")
                    .option("type", Types.enumeration("rsa", "dsa", "ecdsa"), "type", "rsa").build())));

    @Test
    void resolvesFullWordsAndUniquePrefixes() throws Exception {
        OperationalDispatcher.Resolution full = dispatcher.resolve(
                List.of("show", "security", "ike", "security-associations", "192.0.2.1", "detail"));
        assertEquals("show security ike security-associations", full.command.name());
        assertEquals(List.of("192.0.2.1", "detail"), full.arguments);
        assertEquals("show security ike security-associations",
                dispatcher.resolve(List.of("sh", "sec", "ike", "sec")).command.name());
    }

    @Test
    void incompleteAmbiguousAndUnknownCommandsAreSyntaxErrors() {
        CommandFailedException incomplete = assertThrows(CommandFailedException.class,
                () -> dispatcher.resolve(List.of("show", "security")));
        assertEquals("syntax error, expecting <command>: ike | ipsec", incomplete.getMessage());
        CommandFailedException unknown = assertThrows(CommandFailedException.class,
                () -> dispatcher.resolve(List.of("show", "securityx")));
        assertEquals("syntax error: 'securityx' is not valid here; expecting security | version", unknown.getMessage());
        CommandFailedException ambiguous = assertThrows(CommandFailedException.class,
                () -> dispatcher.resolve(List.of("show", "security", "i")));
        assertEquals("syntax error: 'i' is ambiguous: ike | ipsec", ambiguous.getMessage());
    }

    @Test
    void argumentsParseWithDefaultsAndClearErrors() throws Exception {
        OperationalDispatcher.Resolution keyPair = dispatcher.resolve(
                List.of("request", "security", "pki", "generate-key-pair", "certificate-id", "vpn1", "size", "4096"));
        Arguments arguments = keyPair.command.arguments().parse(keyPair.arguments);
        assertEquals(Map.of("certificate-id", "vpn1", "size", "4096", "type", "rsa"), arguments.asMap());
        ArgumentSpec spec = keyPair.command.arguments();
        assertEquals("syntax error: missing 'certificate-id' <id>",
                assertThrows(CommandFailedException.class, () -> spec.parse(List.of("size", "2048"))).getMessage());
        assertEquals("'size': value 512 is not within range (1024..4096)",
                assertThrows(CommandFailedException.class, () -> spec.parse(List.of("certificate-id", "a", "size", "512"))).getMessage());
        ArgumentSpec sa = dispatcher.resolve(List.of("show", "security", "ike", "security-associations")).command.arguments();
        assertEquals("syntax error: brief and detail cannot be used together",
                assertThrows(CommandFailedException.class, () -> sa.parse(List.of("brief", "detail"))).getMessage());
    }

    @Test
    void completionsListNextWordsWithHelpAndArguments() {
        assertEquals(Map.of("ike", "", "ipsec", ""), dispatcher.completions(List.of("show", "security")));
        Map<String, String> afterCommand = dispatcher.completions(List.of("show", "security", "ike", "security-associations"));
        assertTrue(afterCommand.keySet().containsAll(List.of("index", "detail", "brief", "<ip-address>", "<[Enter]>")),
                afterCommand.toString());
        assertEquals("help of show security ike active-peer",
                dispatcher.completions(List.of("show", "security", "ike")).get("active-peer"));
    }
}
