package org.secplane.ike.internal.keys;

import java.util.Arrays;
import org.secplane.crypto.Prf;

/**
 * The keys of an IKE SA (RFC 7296 §2.14): SKEYSEED = prf(Ni | Nr, g^ir) and {SK_d | SK_ai | SK_ar | SK_ei |
 * SK_er | SK_pi | SK_pr} = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr); for a rekeyed IKE SA (§2.18) SKEYSEED =
 * prf(SK_d (old), g^ir (new) | Ni | Nr); CHILD SA key material (§2.17) = prf+(SK_d, [g^ir (new) |] Ni | Nr).
 */
public final class IkeKeys {

    public final byte[] skD;
    public final byte[] skAi;
    public final byte[] skAr;
    public final byte[] skEi;
    public final byte[] skEr;
    public final byte[] skPi;
    public final byte[] skPr;

    private IkeKeys(byte[] skD, byte[] skAi, byte[] skAr, byte[] skEi, byte[] skEr, byte[] skPi, byte[] skPr) {
        this.skD = skD;
        this.skAi = skAi;
        this.skAr = skAr;
        this.skEi = skEi;
        this.skEr = skEr;
        this.skPi = skPi;
        this.skPr = skPr;
    }

    public static byte[] skeyseed(Prf prf, byte[] ni, byte[] nr, byte[] sharedSecret) {
        byte[] key = PrfPlus.concat(ni, nr);
        byte[] seed = prf.compute(key, sharedSecret);
        Arrays.fill(key, (byte) 0);
        return seed;
    }

    public static byte[] rekeySkeyseed(Prf prf, byte[] oldSkD, byte[] sharedSecret, byte[] ni, byte[] nr) {
        return prf.compute(oldSkD, sharedSecret, ni, nr);
    }

    /** Derives the seven keys from SKEYSEED, and zeroes nothing of the caller's. */
    public static IkeKeys derive(Prf prf, IkeSuite suite, byte[] skeyseed, byte[] ni, byte[] nr, long spiI, long spiR) {
        int d = suite.prfKeySize();
        int a = suite.integrityKeySize();
        int e = suite.encryptionKeySize();
        int p = suite.prfKeySize();
        byte[] seed = PrfPlus.concat(ni, nr, PrfPlus.spiBytes(spiI), PrfPlus.spiBytes(spiR));
        byte[] all = PrfPlus.derive(prf, skeyseed, seed, d + 2 * a + 2 * e + 2 * p);
        int at = 0;
        byte[] skD = Arrays.copyOfRange(all, at, at += d);
        byte[] skAi = Arrays.copyOfRange(all, at, at += a);
        byte[] skAr = Arrays.copyOfRange(all, at, at += a);
        byte[] skEi = Arrays.copyOfRange(all, at, at += e);
        byte[] skEr = Arrays.copyOfRange(all, at, at += e);
        byte[] skPi = Arrays.copyOfRange(all, at, at += p);
        byte[] skPr = Arrays.copyOfRange(all, at, at + p);
        Arrays.fill(all, (byte) 0);
        return new IkeKeys(skD, skAi, skAr, skEi, skEr, skPi, skPr);
    }

    /** CHILD SA key material: {@code sharedSecret} is {@code null} without PFS. */
    public static byte[] childKeymat(Prf prf, byte[] skD, byte[] sharedSecret, byte[] ni, byte[] nr, int length) {
        byte[] seed = sharedSecret == null ? PrfPlus.concat(ni, nr) : PrfPlus.concat(sharedSecret, ni, nr);
        byte[] keymat = PrfPlus.derive(prf, skD, seed, length);
        Arrays.fill(seed, (byte) 0);
        return keymat;
    }

    /** Zeroes every key except SK_d (kept for CHILD SAs and rekeying) — use {@link #wipe} at the end. */
    public void wipeAuthentication() {
        Arrays.fill(skPi, (byte) 0);
        Arrays.fill(skPr, (byte) 0);
    }

    public void wipe() {
        for (byte[] k : new byte[][] {skD, skAi, skAr, skEi, skEr, skPi, skPr}) {
            Arrays.fill(k, (byte) 0);
        }
    }
}
