package org.secplane.crypto.spi;

import org.secplane.crypto.KeyExchange;

/**
 * A key exchange as a provider implements it: it can hand its private value to the registry, which
 * needs it only to continue the exchange on another provider when this one goes away mid-exchange.
 */
public interface ProviderKeyExchange extends KeyExchange {

    /** The private value (MODP: x big-endian; ECP: d; Curve25519: the 32-byte scalar). */
    byte[] privateValue();
}
