package org.secplane.ike.internal.testkit;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.KeyExchange;
import org.secplane.ike.internal.engine.KeyExchangeFactory;
import org.secplane.ike.internal.keys.RandomSource;

/** Key exchanges whose private values come from a seeded source, so public values repeat run after run. */
public final class DeterministicKeyExchanges implements KeyExchangeFactory {

    private final RandomSource random;

    public DeterministicKeyExchanges(RandomSource random) {
        this.random = random;
    }

    @Override
    public KeyExchange create(Algorithm group) {
        byte[] x;
        switch (group) {
            case ECP_256: x = random.bytes(32); x[0] &= 0x7F; break;
            case ECP_384: x = random.bytes(48); x[0] &= 0x7F; break;
            case ECP_521: x = random.bytes(66); x[0] = 0; x[1] &= 0x7F; break;
            case CURVE25519: x = random.bytes(32); break;
            default: x = random.bytes(32); x[0] |= 0x40; break; // MODP: a 255-bit exponent
        }
        x[x.length - 1] |= 1;
        return TestCrypto.providerFor(group).keyExchange(group, x);
    }
}
