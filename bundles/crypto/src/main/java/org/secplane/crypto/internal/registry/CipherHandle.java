package org.secplane.crypto.internal.registry;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.spi.CryptoProvider;

/** A {@link Cipher} that follows its algorithm's best provider; see {@link KeyedHandle}. */
final class CipherHandle extends KeyedHandle<Cipher> implements Cipher {

    CipherHandle(RankingCryptoRegistry registry, Lane lane, byte[] key) {
        super(registry, lane, key);
    }

    @Override
    Cipher create(CryptoProvider provider, byte[] key) {
        return provider.cipher(algorithm, key);
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public void encrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        try {
            current().encrypt(iv, ivOffset, in, inOffset, length, out, outOffset);
        } catch (RuntimeException e) {
            if (!mayRetry(in, inOffset, length, out, outOffset, length)) {
                throw e;
            }
            current().encrypt(iv, ivOffset, in, inOffset, length, out, outOffset);
        }
    }

    @Override
    public void decrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        try {
            current().decrypt(iv, ivOffset, in, inOffset, length, out, outOffset);
        } catch (RuntimeException e) {
            if (!mayRetry(in, inOffset, length, out, outOffset, length)) {
                throw e;
            }
            current().decrypt(iv, ivOffset, in, inOffset, length, out, outOffset);
        }
    }

    @Override
    public void close() {
        closeHandle();
    }
}
