package org.secplane.ike.internal.message;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.x500.X500Principal;

/** Identification payload IDi or IDr (RFC 7296 §3.5). */
public final class IdPayload extends Payload {

    public final int payloadType;
    public final int idType;
    public final byte[] data;

    public IdPayload(int payloadType, int idType, byte[] data) {
        this.payloadType = payloadType;
        this.idType = idType;
        this.data = data;
    }

    /** The same identity as the other payload type (IDi ↔ IDr). */
    public IdPayload as(int otherPayloadType) {
        return new IdPayload(otherPayloadType, idType, data);
    }

    @Override
    public int type() {
        return payloadType;
    }

    @Override
    void writeBody(ByteWriter w) {
        w.u8(idType);
        w.zeros(3);
        w.bytes(data);
    }

    /** ID Type, RESERVED and the data: what AUTH's MACedID covers (RestOfInitIDPayload). */
    public byte[] body() {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) idType;
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    public boolean sameIdentity(IdPayload other) {
        return other != null && idType == other.idType && Arrays.equals(data, other.data);
    }

    /** As {@code show} prints it: an address, a name, an e-mail address or a DN. */
    public String display() {
        try {
            switch (idType) {
                case Ike.ID_IPV4_ADDR:
                case Ike.ID_IPV6_ADDR:
                    return InetAddress.getByAddress(data).getHostAddress();
                case Ike.ID_FQDN:
                case Ike.ID_RFC822_ADDR:
                    return new String(data, StandardCharsets.US_ASCII);
                case Ike.ID_DER_ASN1_DN:
                    return new X500Principal(data).getName(X500Principal.RFC2253);
                default:
                    return "id-type-" + idType + ":" + java.util.HexFormat.of().formatHex(data);
            }
        } catch (UnknownHostException | IllegalArgumentException e) {
            return "id-type-" + idType + ":" + java.util.HexFormat.of().formatHex(data);
        }
    }

    @Override
    public String toString() {
        return display();
    }
}
