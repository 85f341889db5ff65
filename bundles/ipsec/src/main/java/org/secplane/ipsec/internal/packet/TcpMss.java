package org.secplane.ipsec.internal.packet;

/**
 * TCP MSS clamping ({@code security flow tcp-mss ipsec-vpn mss N}): lowers the MSS option of a TCP SYN
 * (or SYN-ACK) to {@code N} when it is larger, and fixes the TCP checksum incrementally. In place, no
 * allocation.
 */
public final class TcpMss {

    private TcpMss() {
    }

    /**
     * Clamps the packet at {@code at} that {@code info} describes; returns whether it changed it. Only
     * unfragmented TCP segments with SYN set and a well-formed option list are touched.
     */
    public static boolean clamp(byte[] b, int at, PacketInfo info, int mss) {
        if (info.protocol != PacketInfo.TCP || info.laterFragment) {
            return false;
        }
        int tcp = at + info.headerLength;
        int end = at + info.totalLength;
        if (tcp + 20 > end || (b[tcp + 13] & 0x02) == 0) {
            return false;
        }
        int dataOffset = ((b[tcp + 12] & 0xff) >>> 4) * 4;
        if (dataOffset < 20 || tcp + dataOffset > end) {
            return false;
        }
        int option = tcp + 20;
        int options = tcp + dataOffset;
        while (option < options) {
            int kind = b[option] & 0xff;
            if (kind == 0) {
                return false;
            }
            if (kind == 1) {
                option++;
                continue;
            }
            if (option + 1 >= options) {
                return false;
            }
            int length = b[option + 1] & 0xff;
            if (length < 2 || option + length > options) {
                return false;
            }
            if (kind == 2 && length == 4) {
                int current = Bytes.u16(b, option + 2);
                if (current <= mss) {
                    return false;
                }
                Bytes.put16(b, option + 2, mss);
                // the option's word may start at an odd offset from the TCP header: update the aligned words
                int checksum = Bytes.u16(b, tcp + 16);
                if (((option + 2 - tcp) & 1) == 0) {
                    checksum = Checksums.update(checksum, current, mss);
                } else {
                    checksum = Checksums.update(checksum, (b[option + 1] & 0xff) << 8 | current >>> 8,
                            (b[option + 1] & 0xff) << 8 | mss >>> 8);
                    checksum = Checksums.update(checksum, (current & 0xff) << 8 | (b[option + 4] & 0xff),
                            (mss & 0xff) << 8 | (b[option + 4] & 0xff));
                }
                Bytes.put16(b, tcp + 16, checksum);
                return true;
            }
            option += length;
        }
        return false;
    }
}
