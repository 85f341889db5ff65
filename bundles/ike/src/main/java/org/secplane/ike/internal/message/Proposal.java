package org.secplane.ike.internal.message;

import java.util.ArrayList;
import java.util.List;

/** A proposal substructure (RFC 7296 §3.3.1). */
public final class Proposal {

    public final int number;
    public final int protocol;
    public final byte[] spi;
    public final List<Transform> transforms;

    public Proposal(int number, int protocol, byte[] spi, List<Transform> transforms) {
        this.number = number;
        this.protocol = protocol;
        this.spi = spi;
        this.transforms = transforms;
    }

    /** The transforms of one type, in order. */
    public List<Transform> ofType(int type) {
        List<Transform> out = new ArrayList<>(2);
        for (Transform t : transforms) {
            if (t.type == type) {
                out.add(t);
            }
        }
        return out;
    }

    /** The first transform of a type, or {@code null}. */
    public Transform first(int type) {
        for (Transform t : transforms) {
            if (t.type == type) {
                return t;
            }
        }
        return null;
    }

    /** The SPI as an unsigned number (4-byte ESP/AH or 8-byte IKE SPI). */
    public long spiValue() {
        long v = 0;
        for (byte b : spi) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    @Override
    public String toString() {
        return "#" + number + " proto " + protocol + " " + transforms;
    }
}
