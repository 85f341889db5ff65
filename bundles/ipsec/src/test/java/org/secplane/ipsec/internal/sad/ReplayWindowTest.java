package org.secplane.ipsec.internal.sad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 6479 window against the plain definition of RFC 4303 §3.4.3, for the sizes Junos uses and larger. */
class ReplayWindowTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void theWindowAcceptsEachNumberOnceAndNothingOlderThanItsSize(int size) {
        ReplayWindow window = new ReplayWindow(size);
        assertFalse(window.check(0), "sequence number 0 is never sent");
        assertTrue(window.update(1));
        assertFalse(window.update(1), "replayed");
        assertTrue(window.update(100));
        assertTrue(window.update(100 - size + 1), "the oldest number still inside the window");
        assertFalse(window.check(100 - size), "just outside the window");
        assertFalse(window.update(100 - size + 1), "replayed inside the window");
        assertTrue(window.update(99));
        assertTrue(window.update(101));
        assertFalse(window.check(101));
        assertTrue(window.update(100 + 10 * size), "a jump far ahead");
        assertFalse(window.check(101), "everything before the jump is now too old");
        assertTrue(window.check(100 + 10 * size - 1));
        assertEquals(100 + 10 * size, window.top());
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 100, 1024, 4096})
    void randomTrafficWithReorderingAndDuplicatesMatchesTheDefinition(int size) {
        ReplayWindow window = new ReplayWindow(size);
        Set<Long> seen = new HashSet<>();
        long top = 0;
        Random random = new Random(size);
        long next = 1;
        for (int i = 0; i < 200_000; i++) {
            long sequence;
            int dice = random.nextInt(10);
            if (dice < 6) {
                sequence = next++;
            } else if (dice < 9) {
                sequence = Math.max(1, next - 1 - random.nextInt(size * 2)); // late or replayed
            } else {
                next += random.nextInt(size * 3); // a burst lost
                sequence = next++;
            }
            boolean expected = sequence > top || (top - sequence < size && !seen.contains(sequence));
            assertEquals(expected, window.check(sequence), "check of " + sequence + " with top " + top);
            assertEquals(expected, window.update(sequence), "update of " + sequence);
            if (expected) {
                seen.add(sequence);
                top = Math.max(top, sequence);
            }
        }
    }

    @Test
    void aWindowNeedsAtLeastOnePacket() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(0));
    }
}
