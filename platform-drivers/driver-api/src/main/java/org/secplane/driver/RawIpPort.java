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
}
