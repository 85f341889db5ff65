package org.secplane.crypto.spi;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/**
 * The MODP Diffie-Hellman groups of IKE (generator 2) and the private exponent length used with each.
 *
 * <p>The exponent length is twice the group's security strength (NIST SP 800-57 Part 1 Table 2:
 * 1024 bits ~ 80, 2048 ~ 112, 3072 ~ 128; 4096 ~ 152 by the same estimate; 1536 ~ 96 interpolated),
 * with 160 bits as a floor for the two old Oakley groups. A provider default must never be used:
 * SunJCE's is 1024 bits, which makes group 14 4.5 times slower for no security gain
 * (perf-baselines.md, Table 3: 2.4k against 0.54k operations/s).
 *
 * <p>Shared by every provider that implements MODP key exchange, so the groups and exponent lengths are
 * written down once.
 */
public final class ModpGroup {

    private static final BigInteger TWO = BigInteger.valueOf(2);

    /** Group 1, 768-bit, RFC 2409 section 6.1 (First Oakley Group); private exponents of 160 bits. */
    private static final ModpGroup MODP_768 = new ModpGroup(Algorithm.MODP_768, 160,
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
            + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
            + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF");

    /** Group 2, 1024-bit, RFC 2409 section 6.2 (Second Oakley Group); private exponents of 160 bits. */
    private static final ModpGroup MODP_1024 = new ModpGroup(Algorithm.MODP_1024, 160,
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
            + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
            + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF");

    /** Group 5, 1536-bit, RFC 3526 section 2; private exponents of 192 bits. */
    private static final ModpGroup MODP_1536 = new ModpGroup(Algorithm.MODP_1536, 192,
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
            + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
            + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05"
            + "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB"
            + "9ED529077096966D670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF");

    /** Group 14, 2048-bit, RFC 3526 section 3; private exponents of 224 bits. */
    private static final ModpGroup MODP_2048 = new ModpGroup(Algorithm.MODP_2048, 224,
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
            + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
            + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05"
            + "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB"
            + "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718"
            + "3995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF");

    /** Group 15, 3072-bit, RFC 3526 section 4; private exponents of 256 bits. */
    private static final ModpGroup MODP_3072 = new ModpGroup(Algorithm.MODP_3072, 256,
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
            + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
            + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05"
            + "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB"
            + "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718"
            + "3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33"
            + "A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864"
            + "D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2"
            + "08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF");

    /** Group 16, 4096-bit, RFC 3526 section 5; private exponents of 304 bits. */
    private static final ModpGroup MODP_4096 = new ModpGroup(Algorithm.MODP_4096, 304,
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74"
            + "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437"
            + "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05"
            + "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB"
            + "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718"
            + "3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33"
            + "A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864"
            + "D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2"
            + "08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A92108011A723C12A787E6D7"
            + "88719A10BDBA5B2699C327186AF4E23C1A946834B6150BDA2583E9CA2AD44CE8"
            + "DBBBC2DB04DE8EF92E8EFC141FBECAA6287C59474E6BC05D99B2964FA090C3A2"
            + "233BA186515BE7ED1F612970CEE2D7AFB81BDD762170481CD0069127D5B05AA9"
            + "93B4EA988D8FDDC186FFB7DC90A6C08F4DF435C934063199FFFFFFFFFFFFFFFF");

    private static final Map<Algorithm, ModpGroup> GROUPS = Map.of(Algorithm.MODP_768, MODP_768, Algorithm.MODP_1024,
            MODP_1024, Algorithm.MODP_1536, MODP_1536, Algorithm.MODP_2048, MODP_2048, Algorithm.MODP_3072, MODP_3072,
            Algorithm.MODP_4096, MODP_4096);

    private final Algorithm algorithm;
    private final int exponentBits;
    private final BigInteger prime;
    private final BigInteger primeMinusOne;
    private final int length;

    private ModpGroup(Algorithm algorithm, int exponentBits, String primeHex) {
        this.algorithm = algorithm;
        this.exponentBits = exponentBits;
        this.prime = new BigInteger(primeHex, 16);
        this.primeMinusOne = prime.subtract(BigInteger.ONE);
        this.length = (prime.bitLength() + 7) / 8;
    }

    /** The group of a MODP algorithm. */
    public static ModpGroup of(Algorithm algorithm) {
        ModpGroup group = GROUPS.get(algorithm);
        if (group == null) {
            throw new IllegalArgumentException(algorithm.label() + " is not a MODP group");
        }
        return group;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public BigInteger prime() {
        return prime;
    }

    public BigInteger generator() {
        return TWO;
    }

    /** Private exponent length in bits. */
    public int exponentBits() {
        return exponentBits;
    }

    /** Bytes of the prime: the length of public values and shared secrets. */
    public int length() {
        return length;
    }

    /**
     * Decodes and checks a peer's public value: exactly {@link #length()} bytes, and 1 &lt; y &lt; p - 1
     * (RFC 6989 section 2.1, NIST SP 800-56A Rev. 3 section 5.6.2.3.1).
     */
    public BigInteger peerValue(byte[] encoded) {
        if (encoded == null || encoded.length != length) {
            throw new CryptoException(algorithm.label() + ": peer public value has " + (encoded == null ? 0 : encoded.length)
                    + " bytes, expected " + length);
        }
        BigInteger y = new BigInteger(1, encoded);
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(primeMinusOne) >= 0) {
            throw new CryptoException(algorithm.label() + ": peer public value is not in 2 .. p-2");
        }
        return y;
    }

    /** Big-endian, left-padded to the prime's length; {@code value} must be below the prime. */
    public byte[] encode(BigInteger value) {
        byte[] raw = value.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        if (raw.length == length + 1 && raw[0] == 0) {
            return Arrays.copyOfRange(raw, 1, raw.length);
        }
        if (raw.length > length || value.signum() < 0) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        return out;
    }
}
