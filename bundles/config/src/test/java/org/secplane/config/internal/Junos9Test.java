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
        java.util.Set<String> encodings = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            String encoded = Junos9.encode(bytes);
            assertArrayEquals(bytes, Junos9.decode(encoded));
            encodings.add(encoded);
        }
        // a random salt (and filler) makes encodings differ; two may coincide by chance, twenty cannot
        assertNotEquals(1, encodings.size());
    }

    @Test
    void rejectsGarbage() {
        assertThrows(ConfigSyntaxException.class, () -> Junos9.decode("$9$"));
        assertThrows(ConfigSyntaxException.class, () -> Junos9.decode("$9$Q!!!!"));
    }
}
