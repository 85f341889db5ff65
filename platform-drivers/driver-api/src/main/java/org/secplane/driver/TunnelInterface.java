package org.secplane.driver;

import java.io.IOException;
import java.util.List;

/**
 * A tunnel interface {@code st0.N}: cleartext IP packets the host routes into it are read here, and
 * packets written here are delivered to the host stack as if received on it.
 */
public interface TunnelInterface extends PacketPort {

    /** The Junos name, {@code st0.0}. */
    String name();

    /** The host's name for it (the same on linux, where TUN names allow the dot). */
    String hostName();

    /** Sets the interface's addresses ({@code 10.11.11.10/24}, IPv4 or IPv6), replacing the previous ones. */
    void setAddresses(List<String> prefixes) throws IOException;

    List<String> addresses();

    void setMtu(int mtu) throws IOException;

    int mtu();

    void setUp(boolean up) throws IOException;

    boolean isUp();

    /** Packets and bytes read and written, for {@code show interfaces}. */
    long[] counters();
}
