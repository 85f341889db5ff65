package org.secplane.servicesipsec.internal.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manual-SA body and its checks (spec §3.1, §3.4; Appendix D items 4–8), run in both hierarchies that
 * share it: a services term and an ES-PIC security association.
 */
class ManualSaTest {

    static final String AUTH = "authentication { algorithm hmac-sha1-96; key ascii-text abcdefghij0123456789; }";
    static final String ENC = "encryption { algorithm 3des-cbc; key ascii-text 12345678901234567890abcd; }";
    /** 56 hex digits whose 8-byte thirds differ and are not weak: prefixes serve every key length. */
    static final String HEX = "0123456789abcdef" + "fedcba9876543210" + "89abcdef01234567" + "a1b2c3d4";
    static final String ASCII = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** Where a manual SA is written. */
    enum Hierarchy {
        SERVICES {
            @Override
            String wrap(List<String> manualBodies) {
                StringBuilder terms = new StringBuilder();
                for (int i = 0; i < manualBodies.size(); i++) {
                    terms.append("term t").append(i + 1).append(" { then { remote-gateway 192.0.2.2; manual { ")
                            .append(manualBodies.get(i)).append(" } } }\n");
                }
                return "services { ipsec-vpn { rule r1 { match-direction input;\n" + terms + "} } }";
            }
        },
        ES_PIC {
            @Override
            String wrap(List<String> manualBodies) {
                StringBuilder sas = new StringBuilder();
                for (int i = 0; i < manualBodies.size(); i++) {
                    sas.append("security-association sa").append(i + 1).append(" { mode transport; manual { ")
                            .append(manualBodies.get(i)).append(" } }\n");
                }
                return "security { ipsec {\n" + sas + "} }";
            }
        };

        abstract String wrap(List<String> manualBodies);

        String wrap(String manualBody) {
            return wrap(List.of(manualBody));
        }

        /** One bidirectional direction with {@code body}. */
        String bidirectional(String body) {
            return wrap("direction bidirectional { " + body + " }");
        }
    }

    @TempDir
    Path state;
    Fixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new Fixture(state);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    static Stream<Arguments> bothHierarchies(Stream<Object[]> rows) {
        List<Arguments> all = new ArrayList<>();
        List<Object[]> list = rows.toList();
        for (Hierarchy hierarchy : Hierarchy.values()) {
            for (Object[] row : list) {
                Object[] arguments = new Object[row.length + 1];
                arguments[0] = hierarchy;
                System.arraycopy(row, 0, arguments, 1, row.length);
                all.add(Arguments.of(arguments));
            }
        }
        return all.stream();
    }

    // ---------------------------------------------------------------- Appendix D item 4: SPI ranges (V-M06, V-M07, D-7)

    static Stream<Arguments> spiBoundaries() {
        return bothHierarchies(Stream.of(
                new Object[] {"spi", 255, false}, new Object[] {"spi", 256, true}, new Object[] {"spi", 16639, true},
                new Object[] {"spi", 16640, false}, new Object[] {"spi", 20001, false}, new Object[] {"spi", 24576, false},
                new Object[] {"auxiliary-spi", 255, false}, new Object[] {"auxiliary-spi", 256, true},
                new Object[] {"auxiliary-spi", 16639, true}, new Object[] {"auxiliary-spi", 16640, false}));
    }

    @ParameterizedTest(name = "{0}: {1} {2} accepted={3}")
    @MethodSource("spiBoundaries")
    void spiAndAuxiliarySpiMustBeWithin256To16639(Hierarchy hierarchy, String statement, int value, boolean accepted) {
        String body = statement.equals("spi")
                ? "protocol esp; spi " + value + "; " + AUTH + " " + ENC
                : "protocol bundle; spi 300; auxiliary-spi " + value + "; " + AUTH + " " + ENC;
        String text = hierarchy.bidirectional(body);
        if (accepted) {
            fixture.assertCommits(text);
        } else {
            fixture.assertLoadError(text, "'" + statement + "': value " + value + " is not within range (256..16639)");
        }
    }

    // ---------------------------------------------------------------- item 5 and V-M04, V-M05, V-M08..V-M13

    static Stream<Arguments> protocolCombinations() {
        return bothHierarchies(Stream.of(
                new Object[] {"protocol ah; spi 300; " + AUTH + " " + ENC,
                    "error", "encryption cannot be configured with protocol ah"},
                new Object[] {"protocol ah; spi 300;", "error", "protocol ah needs 'authentication'"},
                new Object[] {"protocol ah; spi 300; " + AUTH, "ok", null},
                new Object[] {"protocol esp; spi 300;", "error", "protocol esp needs 'authentication', 'encryption' or both"},
                new Object[] {"protocol esp; spi 300; " + ENC, "warning", "ESP without authentication"},
                new Object[] {"protocol esp; spi 300; " + AUTH, "ok", null},
                new Object[] {"protocol esp; spi 300; " + AUTH + " " + ENC, "ok", null},
                new Object[] {"protocol bundle; spi 300; auxiliary-spi 301; " + AUTH + " " + ENC, "ok", null},
                new Object[] {"protocol bundle; spi 300; " + AUTH + " " + ENC, "error", "protocol bundle needs 'auxiliary-spi'"},
                new Object[] {"protocol bundle; spi 300; auxiliary-spi 301; " + AUTH, "error",
                    "protocol bundle needs 'encryption' (used by ESP)"},
                new Object[] {"protocol bundle; spi 300; auxiliary-spi 301; " + ENC, "error",
                    "protocol bundle needs 'authentication' (used by AH)"},
                new Object[] {"protocol esp; spi 300; auxiliary-spi 301; " + AUTH, "warning",
                    "auxiliary-spi is used only with protocol bundle; it is ignored with protocol esp"},
                new Object[] {"protocol ah; spi 300; auxiliary-spi 301; " + AUTH, "warning",
                    "auxiliary-spi is used only with protocol bundle; it is ignored with protocol ah"},
                new Object[] {"spi 300; " + AUTH, "error", "Missing mandatory statement: 'protocol'"},
                new Object[] {"protocol esp; " + AUTH, "error", "Missing mandatory statement: 'spi'"},
                new Object[] {"protocol esp; spi 300; authentication { algorithm hmac-sha1-96; }", "error",
                    "authentication needs a 'key'"},
                new Object[] {"protocol esp; spi 300; " + AUTH + " encryption { algorithm des-cbc; }", "error",
                    "encryption needs a 'key'"},
                new Object[] {"protocol esp; spi 300; authentication { key ascii-text abcdefghij0123456789; }", "error",
                    "Missing mandatory statement: 'algorithm'"}));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} {3}")
    @MethodSource("protocolCombinations")
    void protocolDecidesWhichOfAuthenticationEncryptionAndAuxiliarySpiAreRequiredOrForbidden(Hierarchy hierarchy,
            String body, String outcome, String message) {
        String text = hierarchy.bidirectional(body);
        switch (outcome) {
            case "error" -> fixture.assertCommitError(text, message);
            case "warning" -> fixture.assertCommitWarning(text, message);
            default -> fixture.assertNoWarning(text, "error:");
        }
    }

    // ---------------------------------------------------------------- item 6: key lengths (V-M15, V-M16, §3.4)

    static Stream<Arguments> keyLengths() {
        List<Object[]> rows = new ArrayList<>();
        Object[][] algorithms = {{"authentication", "hmac-md5-96", 16}, {"authentication", "hmac-sha1-96", 20},
            {"encryption", "des-cbc", 8}, {"encryption", "3des-cbc", 24}};
        for (Object[] algorithm : algorithms) {
            int bytes = (Integer) algorithm[2];
            rows.add(new Object[] {algorithm[0], algorithm[1], "ascii-text", ASCII.substring(0, bytes), null});
            rows.add(new Object[] {algorithm[0], algorithm[1], "ascii-text", ASCII.substring(0, bytes - 1),
                algorithm[1] + " key must be " + bytes + " ASCII characters or " + 2 * bytes
                    + " hexadecimal digits; this ascii-text key has " + (bytes - 1) + " characters"});
            rows.add(new Object[] {algorithm[0], algorithm[1], "ascii-text", ASCII.substring(0, bytes + 1),
                "this ascii-text key has " + (bytes + 1) + " characters"});
            rows.add(new Object[] {algorithm[0], algorithm[1], "hexadecimal", HEX.substring(0, 2 * bytes), null});
            rows.add(new Object[] {algorithm[0], algorithm[1], "hexadecimal", "0x" + HEX.substring(0, 2 * bytes), null});
            rows.add(new Object[] {algorithm[0], algorithm[1], "hexadecimal", HEX.substring(0, 2 * bytes - 1),
                algorithm[1] + " key must be " + 2 * bytes + " hexadecimal digits or " + bytes
                    + " ASCII characters; this hexadecimal key has " + (2 * bytes - 1) + " digits"});
            rows.add(new Object[] {algorithm[0], algorithm[1], "hexadecimal", HEX.substring(0, 2 * bytes + 2),
                "this hexadecimal key has " + (2 * bytes + 2) + " digits"});
        }
        return bothHierarchies(rows.stream());
    }

    static String keyedBody(String section, String algorithm, String format, String key) {
        String block = section + " { algorithm " + algorithm + "; key " + format + " " + key + "; }";
        return section.equals("authentication") ? "protocol ah; spi 300; " + block
                : "protocol esp; spi 300; " + AUTH + " " + block;
    }

    @ParameterizedTest(name = "{0}: {2} {3} {4}")
    @MethodSource("keyLengths")
    void keyLengthMustMatchTheAlgorithm(Hierarchy hierarchy, String section, String algorithm, String format, String key,
            String error) {
        String text = hierarchy.bidirectional(keyedBody(section, algorithm, format, key));
        if (error == null) {
            fixture.assertCommits(text);
        } else {
            fixture.assertCommitError(text, error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Hierarchy.class)
    void hexadecimalKeyWithANonHexDigitIsRefusedWhenSet(Hierarchy hierarchy) {
        fixture.assertLoadError(hierarchy.bidirectional(keyedBody("authentication", "hmac-md5-96", "hexadecimal",
                "0123456789abcdef0123456789abcdeg")), "invalid hexadecimal key: only 0-9 and a-f are allowed");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Hierarchy.class)
    void obfuscatedKeyIsDecodedBeforeItsLengthIsChecked(Hierarchy hierarchy) {
        // "$9$ExmcSeMWxdVYBI" is "abcd": 4 characters, not the 16 of hmac-md5-96
        fixture.assertCommitError(hierarchy.bidirectional(keyedBody("authentication", "hmac-md5-96", "ascii-text",
                "\"$9$ExmcSeMWxdVYBI\"")), "this ascii-text key has 4 characters");
    }

    // ---------------------------------------------------------------- item 7: DES weak keys, 3DES sub-keys (V-M19..V-M21)

    static Stream<Arguments> desKeys() {
        return bothHierarchies(Stream.of(
                new Object[] {"des-cbc", "hexadecimal", "0101010101010101", "des-cbc key is a DES weak key"},
                new Object[] {"des-cbc", "hexadecimal", "0000000000000000", "des-cbc key is a DES weak key"},
                new Object[] {"des-cbc", "hexadecimal", "FEFEFEFEFEFEFEFE", "des-cbc key is a DES weak key"},
                new Object[] {"des-cbc", "hexadecimal", "1f1f1f1f0e0e0e0e", "des-cbc key is a DES weak key"},
                new Object[] {"des-cbc", "hexadecimal", "01fe01fe01fe01fe", "des-cbc key is a DES semi-weak key"},
                new Object[] {"des-cbc", "hexadecimal", "e0fee0fef1fef1fe", "des-cbc key is a DES semi-weak key"},
                new Object[] {"des-cbc", "hexadecimal", "0123456789abcdef", null},
                new Object[] {"des-cbc", "ascii-text", "01234567", null},
                new Object[] {"3des-cbc", "hexadecimal", "0123456789abcdef0123456789abcdeffedcba9876543210",
                    "the first 8 bytes equal the second 8 bytes"},
                new Object[] {"3des-cbc", "hexadecimal", "0123456789abcdef0022446688aaccee89abcdef01234567",
                    "the first 8 bytes equal the second 8 bytes (parity bits ignored)"},
                new Object[] {"3des-cbc", "hexadecimal", "0123456789abcdeffedcba9876543210fedcba9876543210",
                    "the second 8 bytes equal the third 8 bytes"},
                new Object[] {"3des-cbc", "hexadecimal", "0123456789abcdeffedcba98765432100123456789abcdef", null},
                new Object[] {"3des-cbc", "hexadecimal", "0123456789abcdeffedcba9876543210fefefefefefefefe",
                    "its third 8 bytes are a DES weak key"},
                new Object[] {"3des-cbc", "hexadecimal", "01fe01fe01fe01fefedcba987654321089abcdef01234567",
                    "its first 8 bytes are a DES semi-weak key"},
                new Object[] {"3des-cbc", "ascii-text", "abcdefghabcdefgh12345678", "the first 8 bytes equal the second 8 bytes"},
                new Object[] {"3des-cbc", "ascii-text", "12345678abcdefghabcdefgh", "the second 8 bytes equal the third 8 bytes"},
                new Object[] {"3des-cbc", "ascii-text", "12345678901234567890abcd", null}));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @MethodSource("desKeys")
    void desWeakKeysAndDegenerateTripleDesKeysAreRefused(Hierarchy hierarchy, String algorithm, String format, String key,
            String error) {
        String text = hierarchy.bidirectional(keyedBody("encryption", algorithm, format, key));
        if (error == null) {
            fixture.assertCommits(text);
        } else {
            fixture.assertCommitError(text, error);
        }
    }

    // ---------------------------------------------------------------- item 8: SPI uniqueness (V-M14, D-16)

    static String direction(String direction, String protocol, int spi) {
        String body = protocol.equals("ah") ? AUTH : AUTH + " " + ENC;
        String aux = protocol.equals("bundle") ? " auxiliary-spi " + (spi + 1) + ";" : "";
        return "direction " + direction + " { protocol " + protocol + "; spi " + spi + ";" + aux + " " + body + " }";
    }

    static Stream<Arguments> spiPairs() {
        return bothHierarchies(Stream.of(
                new Object[] {List.of(direction("inbound", "esp", 300), direction("inbound", "esp", 300)),
                    "duplicate SPI: (esp, 300) is already used by the receive-side SA"},
                new Object[] {List.of(direction("inbound", "ah", 300), direction("inbound", "esp", 300)), null},
                new Object[] {List.of(direction("inbound", "esp", 300), direction("bidirectional", "esp", 300)),
                    "duplicate SPI: (esp, 300) is already used by the receive-side SA"},
                new Object[] {List.of(direction("inbound", "esp", 300), direction("outbound", "esp", 300)), null},
                new Object[] {List.of(direction("bidirectional", "bundle", 300), direction("inbound", "esp", 301)),
                    "duplicate SPI: (esp, 301) is already used by the receive-side SA"},
                new Object[] {List.of(direction("bidirectional", "bundle", 300), direction("inbound", "ah", 300)),
                    "duplicate SPI: (ah, 300) is already used by the receive-side SA"},
                new Object[] {List.of(direction("bidirectional", "bundle", 300), direction("inbound", "esp", 300)), null},
                new Object[] {List.of(direction("outbound", "esp", 400), direction("outbound", "esp", 400)),
                    "duplicate SPI: (esp, 400) toward"}));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("spiPairs")
    void eachManualSaNeedsAUniqueSpiAndProtocolCombination(Hierarchy hierarchy, List<String> manuals, String error) {
        String text = hierarchy.wrap(manuals);
        if (error == null) {
            fixture.assertNoWarning(text, "duplicate SPI");
        } else {
            fixture.assertCommitError(text, error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Hierarchy.class)
    void inboundAndOutboundInOneManualSaMayShareTheirSpi(Hierarchy hierarchy) {
        fixture.assertCommitsCleanly(hierarchy.wrap(direction("inbound", "esp", 300) + " " + direction("outbound", "esp", 300)));
    }

    // ---------------------------------------------------------------- directions (V-M01..V-M03, V-M22, D-5)

    static Stream<Arguments> directionSets() {
        return bothHierarchies(Stream.of(
                new Object[] {"", "error", "manual SA needs at least one 'direction'"},
                new Object[] {direction("bidirectional", "esp", 300) + " " + direction("inbound", "esp", 301), "error",
                    "direction inbound cannot be combined with direction bidirectional"},
                new Object[] {direction("outbound", "esp", 301) + " " + direction("bidirectional", "esp", 300), "error",
                    "direction outbound cannot be combined with direction bidirectional"},
                new Object[] {direction("inbound", "esp", 300), "warning", "manual SA has only an inbound direction"},
                new Object[] {direction("outbound", "esp", 300), "warning", "manual SA has only an outbound direction"},
                new Object[] {direction("inbound", "esp", 300) + " " + direction("outbound", "esp", 301), "clean", null},
                new Object[] {direction("bidirectional", "esp", 300), "clean", null}));
    }

    @ParameterizedTest(name = "{0}: [{1}] -> {2}")
    @MethodSource("directionSets")
    void directionsOfAManualSa(Hierarchy hierarchy, String directions, String outcome, String message) {
        String text = hierarchy.wrap(directions);
        switch (outcome) {
            case "error" -> fixture.assertCommitError(text, message);
            case "warning" -> fixture.assertCommitWarning(text, message);
            default -> fixture.assertCommitsCleanly(text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Hierarchy.class)
    void biDirectionalIsAcceptedAndShownAsBidirectional(Hierarchy hierarchy) {
        fixture.assertCommitsCleanly(hierarchy.wrap("direction bi-directional { protocol esp; spi 300; " + AUTH + " " + ENC + " }"));
        String shown = fixture.show();
        assertTrue(shown.contains("direction bidirectional {"), shown);
        assertTrue(!shown.contains("bi-directional"), shown);
    }

    static Stream<Arguments> invalidKeywords() {
        return bothHierarchies(Stream.of(
                new Object[] {"direction both { protocol esp; spi 300; " + AUTH + " }", "invalid value 'both'"},
                new Object[] {"direction inbound { protocol gre; spi 300; " + AUTH + " }", "invalid value 'gre'"},
                new Object[] {"direction inbound { protocol esp; spi 300; authentication { algorithm hmac-sha-256-128; "
                    + "key ascii-text abcdefghij0123456789; } }", "invalid value 'hmac-sha-256-128'"},
                new Object[] {"direction inbound { protocol esp; spi 300; encryption { algorithm aes-128-cbc; "
                    + "key ascii-text abcdefghijklmnop; } }", "invalid value 'aes-128-cbc'"},
                new Object[] {"direction inbound { protocol esp; spi 300; authentication { algorithm hmac-sha1-96; "
                    + "key base64 abcdefghij0123456789; } }", "'base64' is not a statement here"},
                new Object[] {"direction inbound { protocol esp; spi 0x100; " + AUTH + " }", "invalid numeric value"}));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidKeywords")
    void keywordsOutsideTheSeedEnumerationsAreRefused(Hierarchy hierarchy, String directions, String message) {
        fixture.assertLoadError(hierarchy.wrap(directions), message);
    }

    static Stream<Arguments> acceptedKeywords() {
        return bothHierarchies(Stream.of(
                new Object[] {"inbound"}, new Object[] {"outbound"}, new Object[] {"bidirectional"},
                new Object[] {"bi-directional"}));
    }

    @ParameterizedTest(name = "{0}: direction {1}")
    @MethodSource("acceptedKeywords")
    void everyDirectionKeywordIsAccepted(Hierarchy hierarchy, String direction) {
        fixture.assertCommits(hierarchy.wrap("direction " + direction + " { protocol esp; spi 300; " + AUTH + " }"));
    }
}
