package org.secplane.config.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Junos9Test {

    @Test
    void decodesTheGuidesExampleToAbcd() throws Exception {
        // ipsec-services-and-es-pic.md Appendix C: the EX-6 pre-shared key
        assertArrayEquals("abcd".getBytes(StandardCharsets.US_ASCII), Junos9.decode("$9$ExmcSeMWxdVYBI"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "juniper", "395psksecr3t", "1111111111111111", "with space and $9$ and \"quotes\""})
    void encodingRoundTripsAndIsSaltedEachTime(String clear) throws Exception {
        byte[] bytes = clear.getBytes(StandardCharsets.US_ASCII);
        String first = Junos9.encode(bytes);
        String second = Junos9.encode(bytes);
        assertArrayEquals(bytes, Junos9.decode(first));
        assertArrayEquals(bytes, Junos9.decode(second));
        if (clear.length() > 3) {
            assertNotEquals(first, second);
        }
    }

    @Test
    void rejectsGarbage() {
        assertThrows(ConfigSyntaxException.class, () -> Junos9.decode("$9$"));
        assertThrows(ConfigSyntaxException.class, () -> Junos9.decode("$9$Q!!!!"));
    }
}
