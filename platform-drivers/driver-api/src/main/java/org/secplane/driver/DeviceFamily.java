package org.secplane.driver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The platform secplane runs on: {@code simulator} (in-memory interfaces and wires, no root needed) or
 * {@code linux} (TUN devices, raw IP sockets, the host's routing table), or a vendor's family. Chosen by
 * {@code etc/org.secplane.platform.cfg} ({@code family = linux}), detected when that file is absent.
 */
@ConsumerType
public interface DeviceFamily {

    /** {@code simulator}, {@code linux}, … */
    String name();

    /** What was detected: kernel, TUN, privileges, accelerators. */
    String hardware();

    /** Whether it can carry traffic, and if not, why. */
    String status();

    /** The drivers bound to this family (packet I/O, route, offload engines), for status output. */
    List<String> drivers();

    /**
     * The host interface a Junos interface unit ({@code ge-0/0/3.0}) maps to, from the interface map
     * ({@code interface-map = ge-0/0/3:vext}); empty when unmapped (a commit error on the linux family).
     */
    Optional<String> hostInterface(String junosInterfaceUnit);

    /** The addresses the family's external interfaces have (for IKE and ESP endpoints). */
    List<InetAddress> localAddresses();

    /** Creates (or returns the existing) tunnel interface {@code st0.N}. */
    TunnelInterface tunnel(String name) throws IOException;

    /** Tunnel interfaces that exist now. */
    List<TunnelInterface> tunnels();

    /** Removes a tunnel interface and its routes. */
    void removeTunnel(String name) throws IOException;

    /** A UDP endpoint bound to {@code local} (IKE on 500, NAT-T and ESP-in-UDP on 4500). */
    DatagramPort openDatagram(InetSocketAddress local) throws IOException;

    /** A raw IP endpoint for one protocol (50 ESP, 51 AH) bound to {@code local}. */
    RawIpPort openRawIp(InetAddress local, int protocol) throws IOException;

    /** The family's routing table (static routes of {@code routing-options}). */
    RouteTable routes();

    /** The SA offload engines of this family, best first; empty when it has none. */
    List<SaOffload> offloads();
}
