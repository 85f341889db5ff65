package org.secplane.crypto.internal.registry;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Mac;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * A {@link Mac} that follows its algorithm's best provider; see {@link KeyedHandle}. A message in
 * progress (updated, not yet finished) stays on the delegate that has its state; the handle moves
 * only between messages.
 */
final class MacHandle extends KeyedHandle<Mac> implements Mac {

    private Mac inProgress;

    MacHandle(RankingCryptoRegistry registry, Lane lane, byte[] key) {
        super(registry, lane, key);
    }

    @Override
    Mac create(CryptoProvider provider, byte[] key) {
        return provider.mac(algorithm, key);
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        Mac mac = inProgress;
        if (mac == null) {
            mac = current();
            inProgress = mac;
        }
        mac.update(in, offset, length);
    }

    @Override
    public void finish(byte[] out, int offset) {
        Mac mac = inProgress != null ? inProgress : current();
        inProgress = null;
        mac.finish(out, offset);
    }

    @Override
    public boolean verify(byte[] expected, int offset) {
        Mac mac = inProgress != null ? inProgress : current();
        inProgress = null;
        return mac.verify(expected, offset);
    }

    @Override
    public void close() {
        inProgress = null;
        closeHandle();
    }
}
