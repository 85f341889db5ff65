package org.secplane.crypto;

/** A message digest. Thread-safe. */
public interface Hash {

    Algorithm algorithm();

    byte[] digest(byte[]... parts);
}
