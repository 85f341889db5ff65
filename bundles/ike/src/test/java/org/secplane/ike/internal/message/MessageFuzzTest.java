package org.secplane.ike.internal.message;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.testkit.Golden;

/**
 * A seeded mutation fuzz loop over the golden packets (and over representative inner payload chains): at
 * least 100 000 mutated messages per run; nothing but {@link ParseException} may come out of the decoder, and
 * no decode may allocate more than the message could justify. {@code -Dike.fuzz.seed=N -Dike.fuzz.iterations=M}
 * change the run; a failure prints the seed, the iteration and the message.
 */
class MessageFuzzTest {

    private static final long SEED = Long.getLong("ike.fuzz.seed", 0x5ec91a7eL);
    private static final int ITERATIONS = Integer.getInteger("ike.fuzz.iterations", 120_000);
    /** Class loading and compilation allocate on the first iterations; the bound is checked after them. */
    private static final int WARM_UP = 5000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void mutatedGoldenPacketsNeverThrowAnythingButParseExceptionNorAllocateBeyondTheirSize() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        for (String scenario : Golden.SCENARIOS) {
            for (Golden.Record r : Golden.load(scenario)) {
                byte[] b = r.bytes;
                corpus.add(b.length > 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0 ? Arrays.copyOfRange(b, 4, b.length) : b);
            }
        }
        corpus.add(MessageCodec.encodePlain(MessageCodecTest.everything()));
        SplittableRandom random = new SplittableRandom(SEED);
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            byte[] m = mutate(original, random);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                Message d = MessageCodec.decode(m, 0, m.length);
                parsed++;
                if (d.encryptedType == 0) {
                    MessageCodec.encodePlain(d);
                }
            } catch (ParseException expected) {
                // the declared outcome of a bad message
            } catch (Throwable t) {
                fail("seed " + SEED + " iteration " + i + ": " + t + " on " + HexFormat.of().formatHex(m), t);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (i >= WARM_UP && allocated > 64L * m.length + 16384 && steadyAllocation(m, false, 0) > 64L * m.length + 16384) {
                fail("seed " + SEED + " iteration " + i + ": decoding " + m.length + " bytes allocated " + allocated);
            }
        }
        assertTrue(parsed > ITERATIONS / 100, "the mutations should keep some messages parseable: " + parsed);
        System.out.println("fuzz: seed " + SEED + ", " + ITERATIONS + " mutated messages, " + parsed + " of them parsed");
    }

    @Test
    void mutatedInnerPayloadChainsNeverThrowAnythingButParseException() {
        Message everything = MessageCodecTest.everything();
        byte[] chain = MessageCodec.encodeChain(everything.payloads);
        int first = everything.payloads.get(0).type();
        SplittableRandom random = new SplittableRandom(SEED ^ 0xabcdef);
        int iterations = Math.max(30_000, ITERATIONS / 4);
        for (int i = 0; i < iterations; i++) {
            byte[] m = mutateRaw(chain, random);
            int type = random.nextInt(8) == 0 ? random.nextInt(256) : first;
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                MessageCodec.decodeInner(new Message(), type, m, 0, m.length);
            } catch (ParseException expected) {
                // fine
            } catch (Throwable t) {
                fail("seed " + SEED + " inner iteration " + i + ": " + t + " on " + HexFormat.of().formatHex(m), t);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (i >= WARM_UP && allocated > 64L * m.length + 16384 && steadyAllocation(m, true, type) > 64L * m.length + 16384) {
                fail("seed " + SEED + " inner iteration " + i + ": " + m.length + " bytes allocated " + allocated);
            }
        }
    }

    /**
     * What decoding allocates once the code path is linked: the first run through a rarely taken branch
     * allocates for class loading and string-concatenation bootstrap, which is not the decoder's doing.
     */
    private static long steadyAllocation(byte[] m, boolean inner, int type) {
        long least = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                if (inner) {
                    MessageCodec.decodeInner(new Message(), type, m, 0, m.length);
                } else {
                    MessageCodec.decode(m, 0, m.length);
                }
            } catch (ParseException expected) {
                // fine
            }
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    /** Mutations, most of them keeping the IKE length field consistent so the payload parser is reached. */
    static byte[] mutate(byte[] original, SplittableRandom r) {
        byte[] m = mutateRaw(original, r);
        if (m.length >= 28 && r.nextInt(4) != 0) {
            int n = m.length;
            m[24] = (byte) (n >>> 24);
            m[25] = (byte) (n >>> 16);
            m[26] = (byte) (n >>> 8);
            m[27] = (byte) n;
        }
        return m;
    }

    static byte[] mutateRaw(byte[] original, SplittableRandom r) {
        byte[] m = original.clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            if (m.length == 0) {
                return new byte[r.nextInt(64)];
            }
            int at = r.nextInt(m.length);
            switch (r.nextInt(9)) {
                case 0:
                    m[at] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 1: {
                    int[] interesting = {0, 1, 2, 3, 4, 7, 8, 0x7f, 0x80, 0xfe, 0xff};
                    m[at] = (byte) interesting[r.nextInt(interesting.length)];
                    break;
                }
                case 2:
                    if (at + 1 < m.length) {
                        int[] interesting = {0, 1, 3, 4, 8, 0x7fff, 0x8000, 0xffff, m.length, m.length + 1, m.length - at};
                        int v = interesting[r.nextInt(interesting.length)];
                        m[at] = (byte) (v >>> 8);
                        m[at + 1] = (byte) v;
                    }
                    break;
                case 3:
                    m = Arrays.copyOf(m, r.nextInt(m.length + 1));
                    break;
                case 4: {
                    byte[] extra = new byte[1 + r.nextInt(64)];
                    r.nextBytes(extra);
                    byte[] n = Arrays.copyOf(m, m.length + extra.length);
                    System.arraycopy(extra, 0, n, m.length, extra.length);
                    m = n;
                    break;
                }
                case 5: {
                    int len = Math.min(m.length - at, 1 + r.nextInt(32));
                    byte[] n = new byte[m.length - len];
                    System.arraycopy(m, 0, n, 0, at);
                    System.arraycopy(m, at + len, n, at, m.length - at - len);
                    m = n;
                    break;
                }
                case 6: {
                    int len = Math.min(m.length - at, 1 + r.nextInt(32));
                    byte[] n = new byte[m.length + len];
                    System.arraycopy(m, 0, n, 0, at + len);
                    System.arraycopy(m, at, n, at + len, m.length - at);
                    m = n;
                    break;
                }
                case 7:
                    m[at] = (byte) r.nextInt(256);
                    break;
                default: {
                    int other = r.nextInt(m.length);
                    byte t = m[at];
                    m[at] = m[other];
                    m[other] = t;
                    break;
                }
            }
        }
        return m;
    }
}
