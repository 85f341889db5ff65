package org.secplane.ike.internal.engine;

import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.ike.internal.keys.PrfPlus;
import org.secplane.ike.internal.keys.RandomSource;

/**
 * Stateless cookies (RFC 7296 §2.6): Cookie = VersionIDofSecret | SHA-256(Ni | IPi | SPIi | secret). The
 * secret changes after {@link #ROTATE_MILLIS}; cookies of the previous version are still accepted.
 */
final class Cookies {

    static final long ROTATE_MILLIS = 300_000;

    private final CryptoRegistry crypto;
    private final RandomSource random;
    private byte[] secret;
    private byte[] previous;
    private int version;
    private long rotatedAt;

    Cookies(CryptoRegistry crypto, RandomSource random, long now) {
        this.crypto = crypto;
        this.random = random;
        this.secret = random.bytes(32);
        this.rotatedAt = now;
    }

    synchronized byte[] make(byte[] ni, InetSocketAddress from, long spiI, long now) {
        if (now - rotatedAt > ROTATE_MILLIS) {
            previous = secret;
            secret = random.bytes(32);
            version = (version + 1) & 0xFF;
            rotatedAt = now;
        }
        return cookie(version, secret, ni, from, spiI);
    }

    synchronized boolean valid(byte[] cookie, byte[] ni, InetSocketAddress from, long spiI) {
        if (cookie == null || cookie.length != 33) {
            return false;
        }
        int v = cookie[0] & 0xFF;
        byte[] key = v == version ? secret : v == ((version - 1) & 0xFF) ? previous : null;
        return key != null && MessageDigest.isEqual(cookie, cookie(v, key, ni, from, spiI));
    }

    private byte[] cookie(int v, byte[] key, byte[] ni, InetSocketAddress from, long spiI) {
        byte[] hash = crypto.hash(Algorithm.SHA2_256).digest(ni, from.getAddress().getAddress(), PrfPlus.spiBytes(spiI), key);
        byte[] out = new byte[1 + hash.length];
        out[0] = (byte) v;
        System.arraycopy(hash, 0, out, 1, hash.length);
        Arrays.fill(hash, (byte) 0);
        return out;
    }
}
