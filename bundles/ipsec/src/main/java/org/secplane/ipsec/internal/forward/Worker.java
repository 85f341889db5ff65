package org.secplane.ipsec.internal.forward;

import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.secplane.ipsec.internal.esp.IvSource;
import org.secplane.ipsec.internal.packet.PacketInfo;

/**
 * What one packet thread reuses for every packet: two packet buffers (cryptography reads one and writes the
 * other, see {@link org.secplane.ipsec.internal.esp.EspTransform}), their {@link ByteBuffer} views for the
 * platform's ports, the parsed fields of the current packet, scratch space for AH, and the thread's source of
 * CBC IVs (made when first needed). Nothing here is allocated per packet.
 */
final class Worker {

    /** Room before a cleartext packet: an AH header with the longest ICV, or a rebuilt IPv6 header. */
    static final int HEAD = 64;
    /** Where an outgoing ESP packet starts in {@link #b}. */
    static final int ESP_START = 16;
    /** The largest IP packet. */
    static final int MAX_PACKET = 65535;
    static final int SIZE = HEAD + MAX_PACKET + 512;

    final byte[] a = new byte[SIZE];
    final byte[] b = new byte[SIZE];
    final ByteBuffer aView = ByteBuffer.wrap(a);
    final ByteBuffer bView = ByteBuffer.wrap(b);
    final PacketInfo info = new PacketInfo();
    /** AH: the outer header the ICV covers, and the received ICV. */
    final byte[] header = new byte[64];
    final byte[] icv = new byte[64];
    private final Supplier<IvSource> ivSources;
    private IvSource iv;

    Worker(Supplier<IvSource> ivSources) {
        this.ivSources = ivSources;
    }

    IvSource iv() {
        IvSource source = iv;
        if (source == null) {
            source = ivSources.get();
            iv = source;
        }
        return source;
    }

    /** {@code view} set to {@code [from, to)} without allocating. */
    static ByteBuffer window(ByteBuffer view, int from, int to) {
        view.clear();
        view.limit(to);
        view.position(from);
        return view;
    }

    void close() {
        if (iv instanceof AutoCloseable) {
            try {
                ((AutoCloseable) iv).close();
            } catch (Exception ignored) {
                // a closed IV source only wipes its keystream
            }
        }
    }
}
