package org.secplane.ike.internal.engine;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.KeyExchange;

/** Makes Diffie-Hellman exchanges: the registry in production; a deterministic one in tests. */
@FunctionalInterface
public interface KeyExchangeFactory {

    KeyExchange create(Algorithm group);

    static KeyExchangeFactory of(CryptoRegistry crypto) {
        return crypto::keyExchange;
    }
}
