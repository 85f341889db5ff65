package org.secplane.driver;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A raw IP endpoint for one protocol (ESP 50, AH 51): payloads without the outer IP header; the
 * platform adds it on send and strips it on receive.
 */
public interface RawIpPort extends Closeable {

    int protocol();

    /**
     * Receives one payload into {@code buffer} (limit set to its end); returns the sender's address, or
     * {@code null} when the port was closed.
     */
    InetAddress receive(ByteBuffer buffer) throws IOException;

    /** Sends the payload to {@code destination}; {@code dontFragment} sets the outer DF bit (df-bit). */
    void send(ByteBuffer payload, InetAddress destination, boolean dontFragment) throws IOException;

    /**
     * Copies the outer IP header of the payload the last {@link #receive} returned into {@code out} at
     * {@code offset} and returns its length (IPv4: 20 to 60 bytes as they arrived), or -1 when the port does
     * not keep it (IPv6 raw sockets hand over no header; an in-memory wire has none). AH needs it: its ICV
     * covers the outer header's immutable fields, among them the IPv4 Identification that only the sender
     * chose. Called by the receiving thread, before its next {@link #receive}.
     *
     * @since 1.2
     */
    default int lastOuterHeader(byte[] out, int offset) {
        return -1;
    }
}
