package org.secplane.crypto;

/**
 * Signs with a private key that stays where it is kept (software key store, HSM); the user never
 * sees the key. Thread-safe.
 */
public interface Signer {

    Algorithm algorithm();

    byte[] sign(byte[] data);
}
