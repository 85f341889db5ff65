package org.secplane.driver;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A source and sink of whole IP packets (a tunnel interface). {@link #read} blocks until a packet
 * arrives or the port is closed; one reader thread and any number of writers.
 */
public interface PacketPort extends Closeable {

    /**
     * Reads one packet into {@code buffer} from its position; on return the buffer's limit is the end of
     * the packet. Returns the packet length, or -1 when the port was closed.
     */
    int read(ByteBuffer buffer) throws IOException;

    /** Writes the packet between the buffer's position and limit. */
    void write(ByteBuffer packet) throws IOException;
}
