package org.secplane.ipsec.internal.forward;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.KeyManager;
import org.secplane.ipsec.TrafficSelector;

/**
 * Stands in for IKE on the data plane's side of the boundary: it only records what the data plane tells key
 * management (acquires, lifetime events, unknown SPIs, clears), which is what these tests check.
 */
final class RecordingKeyManager implements KeyManager {

    final List<String> events = new CopyOnWriteArrayList<>();
    volatile boolean takesClears;

    @Override
    public void acquire(String vpn, TrafficSelector source, TrafficSelector destination) {
        events.add("acquire " + vpn + " " + source.start().getHostAddress() + " -> " + destination.start().getHostAddress()
                + " proto " + source.protocol());
    }

    @Override
    public void expired(ChildSa sa, boolean hard) {
        events.add((hard ? "hard " : "soft ") + Long.toHexString(sa.inboundSpi()));
    }

    @Override
    public void unknownSpi(InetAddress peer, long spi, int protocol) {
        events.add("unknown-spi " + peer.getHostAddress() + " " + Long.toHexString(spi) + " " + protocol);
    }

    @Override
    public boolean clear(ChildSa sa) {
        events.add("clear " + Long.toHexString(sa.inboundSpi()));
        return takesClears;
    }
}
