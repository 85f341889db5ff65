package org.secplane.driver;

/**
 * How much of IPsec an offload engine does: nothing, the cipher only, or the whole packet. An explicit
 * mode fails when the engine cannot do it; {@code AUTO} takes the most the engine offers and falls back to
 * {@code NONE} (the Java data plane) otherwise.
 */
public enum OffloadMode {
    NONE, CRYPTO, PACKET, AUTO
}
