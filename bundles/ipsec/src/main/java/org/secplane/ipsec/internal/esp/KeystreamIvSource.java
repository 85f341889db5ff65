package org.secplane.ipsec.internal.esp;

import java.security.SecureRandom;
import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoRegistry;

/**
 * CBC IVs from an AES-128-CTR keystream under a random key of this thread's own: 4 KiB of keystream are
 * made at a time (one cipher call per 256 IVs), so an IV costs a copy of 16 bytes. The keystream of a
 * secret AES key is unpredictable to anyone who saw the previous IVs (AES is a pseudorandom permutation),
 * which is what RFC 3602 asks of CBC IVs, at a fraction of a random generator's cost per packet.
 */
public final class KeystreamIvSource implements IvSource, AutoCloseable {

    private static final int CHUNK = 4096;

    private final Cipher ctr;
    private final byte[] zeros = new byte[CHUNK];
    private final byte[] keystream = new byte[CHUNK];
    private final byte[] counter = new byte[8];
    private int used = CHUNK;

    public KeystreamIvSource(CryptoRegistry crypto, SecureRandom random) {
        byte[] key = new byte[Algorithm.AES_128_CTR.keySize() + Algorithm.AES_128_CTR.saltSize()];
        random.nextBytes(key);
        random.nextBytes(counter);
        try {
            ctr = crypto.cipher(Algorithm.AES_128_CTR, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void next(byte[] out, int offset, int length) {
        if (used + length > CHUNK) {
            refill();
        }
        System.arraycopy(keystream, used, out, offset, length);
        used += length;
    }

    private void refill() {
        ctr.encrypt(counter, 0, zeros, 0, CHUNK, keystream, 0);
        // the next chunk's counter block starts after this chunk's 256 blocks (RFC 3686 counts per packet IV)
        for (int i = 7; i >= 0; i--) {
            if (++counter[i] != 0) {
                break;
            }
        }
        used = 0;
    }

    @Override
    public void close() {
        ctr.close();
        Arrays.fill(keystream, (byte) 0);
    }
}
