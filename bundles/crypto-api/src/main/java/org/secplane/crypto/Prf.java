package org.secplane.crypto;

/** An IKE pseudo-random function: keyed per call, as IKE derives with many keys. Thread-safe. */
public interface Prf {

    Algorithm algorithm();

    /** prf(key, data₁ | data₂ | …). */
    byte[] compute(byte[] key, byte[]... data);
}
