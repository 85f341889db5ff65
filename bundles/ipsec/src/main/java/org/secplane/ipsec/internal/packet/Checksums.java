package org.secplane.ipsec.internal.packet;

/** Internet checksums (RFC 1071) and their incremental update (RFC 1624). */
public final class Checksums {

    private Checksums() {
    }

    /** The one's-complement checksum of {@code length} bytes at {@code at}. */
    public static int checksum(byte[] b, int at, int length) {
        long sum = 0;
        int i = at;
        int end = at + length;
        for (; i + 1 < end; i += 2) {
            sum += (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (b[i] & 0xff) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** The checksum after one 16-bit word changed from {@code old} to {@code now} (RFC 1624 eqn. 3). */
    public static int update(int checksum, int old, int now) {
        int sum = (~checksum & 0xffff) + (~old & 0xffff) + (now & 0xffff);
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        return ~sum & 0xffff;
    }
}
