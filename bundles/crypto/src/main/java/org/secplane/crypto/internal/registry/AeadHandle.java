package org.secplane.crypto.internal.registry;

import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;

/** An {@link Aead} that follows its algorithm's best provider; see {@link KeyedHandle}. */
final class AeadHandle extends KeyedHandle<Aead> implements Aead {

    AeadHandle(RankingCryptoRegistry registry, Lane lane, byte[] keyAndSalt) {
        super(registry, lane, keyAndSalt);
    }

    @Override
    Aead create(CryptoProvider provider, byte[] key) {
        return provider.aead(algorithm, key);
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public int seal(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset) {
        try {
            return current().seal(iv, ivOffset, aad, aadOffset, aadLength, in, inOffset, length, out, outOffset);
        } catch (RuntimeException e) {
            if (!mayRetry(in, inOffset, length, out, outOffset, length + algorithm.outputSize())) {
                throw e;
            }
            return current().seal(iv, ivOffset, aad, aadOffset, aadLength, in, inOffset, length, out, outOffset);
        }
    }

    @Override
    public int open(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
            byte[] out, int outOffset) {
        try {
            return current().open(iv, ivOffset, aad, aadOffset, aadLength, in, inOffset, length, out, outOffset);
        } catch (RuntimeException e) {
            if (!mayRetry(in, inOffset, length, out, outOffset, Math.max(0, length - algorithm.outputSize()))) {
                throw e;
            }
            return current().open(iv, ivOffset, aad, aadOffset, aadLength, in, inOffset, length, out, outOffset);
        }
    }

    @Override
    public void close() {
        closeHandle();
    }
}
