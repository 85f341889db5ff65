package org.secplane.driver;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A UDP endpoint (IKE, NAT-T, ESP in UDP). One reader thread and any number of writers. */
public interface DatagramPort extends Closeable {

    InetSocketAddress localAddress();

    /**
     * Receives one datagram into {@code buffer} (limit set to its end); returns its source, or
     * {@code null} when the port was closed.
     */
    InetSocketAddress receive(ByteBuffer buffer) throws IOException;

    void send(ByteBuffer datagram, InetSocketAddress destination) throws IOException;
}
