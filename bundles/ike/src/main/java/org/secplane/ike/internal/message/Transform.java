package org.secplane.ike.internal.message;

/** A transform substructure (RFC 7296 §3.3.2): type, ID and the key-length attribute (0 when absent). */
public final class Transform {

    public final int type;
    public final int id;
    public final int keyLength;
    /** An attribute other than key length was present: such a transform must not be chosen. */
    public final boolean unknownAttributes;

    public Transform(int type, int id, int keyLength) {
        this(type, id, keyLength, false);
    }

    public Transform(int type, int id, int keyLength, boolean unknownAttributes) {
        this.type = type;
        this.id = id;
        this.keyLength = keyLength;
        this.unknownAttributes = unknownAttributes;
    }

    public boolean sameAs(Transform other) {
        return type == other.type && id == other.id && keyLength == other.keyLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transform && sameAs((Transform) o) && unknownAttributes == ((Transform) o).unknownAttributes;
    }

    @Override
    public int hashCode() {
        return (type * 31 + id) * 31 + keyLength;
    }

    @Override
    public String toString() {
        return type + ":" + id + (keyLength != 0 ? "/" + keyLength : "");
    }
}
