package org.secplane.crypto;

/**
 * One Diffie-Hellman exchange: a fresh private value, its public value in the IKE encoding (MODP:
 * big-endian, padded to the prime's length; ECP: x || y; Curve25519: u), and the shared secret with
 * the peer's public value. Not thread-safe. {@link #close} forgets the private value.
 */
public interface KeyExchange extends AutoCloseable {

    Algorithm algorithm();

    byte[] publicValue();

    /**
     * The shared secret (MODP: padded to the prime's length; ECP: x; Curve25519: u). Throws when the
     * peer's value is invalid (wrong length, not on the curve, 0/1/p-1, all-zero result).
     */
    byte[] sharedSecret(byte[] peerPublicValue);

    @Override
    void close();
}
