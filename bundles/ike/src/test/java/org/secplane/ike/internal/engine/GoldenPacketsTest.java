package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.ike.internal.testkit.Golden;

/**
 * Every datagram of the two reference scenarios, byte for byte, against the files in
 * {@code src/test/resources/golden}. A change of the wire format shows up here first; after checking it, write
 * the files again with {@code -Dike.golden.write=true}.
 */
class GoldenPacketsTest {

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (Boolean.getBoolean("ike.golden.write")) {
            for (String s : Golden.SCENARIOS) {
                Golden.write(s, Path.of("src/test/resources/golden"));
                Golden.write(s, Path.of("target/test-classes/golden"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"psk-ecp256-aes-gcm", "psk-modp2048-aes-cbc-sha256"})
    void everyDatagramIsTheGoldenOne(String scenario) throws Exception {
        List<Golden.Record> expected = Golden.load(scenario);
        List<Golden.Record> actual = Golden.run(scenario);
        assertEquals(16, expected.size(), "the scenario has 16 messages");
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Golden.Record e = expected.get(i);
            Golden.Record a = actual.get(i);
            String what = "message " + (i + 1) + " (" + e.sender + " " + e.exchange + (e.response ? " response " : " request ")
                    + e.messageId + ")";
            assertEquals(e.sender, a.sender, what);
            assertEquals(e.exchange, a.exchange, what);
            assertEquals(e.messageId, a.messageId, what);
            assertArrayEquals(e.bytes, a.bytes, what + ": " + HexFormat.of().formatHex(a.bytes));
        }
    }
}
