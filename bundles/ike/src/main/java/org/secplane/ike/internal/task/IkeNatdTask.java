package org.secplane.ike.internal.task;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.keys.PrfPlus;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.sa.IkeSa;

/**
 * ike-natd: NAT detection in IKE_SA_INIT (RFC 7296 §2.23): NAT_DETECTION_SOURCE_IP and _DESTINATION_IP =
 * SHA-1(SPIi | SPIr | address | port). When a NAT is found on either side the initiator floats to port 4500
 * for everything after IKE_SA_INIT, and CHILD SAs are UDP-encapsulated (RFC 3948). With
 * {@code no-nat-traversal} nothing is sent and nothing floats.
 */
public final class IkeNatdTask extends Task {

    private boolean peerSent;

    public IkeNatdTask(IkeSa sa) {
        super(sa);
    }

    @Override
    public int exchange() {
        return Ike.IKE_SA_INIT;
    }

    @Override
    public Status build(Message m) {
        if (sa.peer.natTraversal) {
            m.add(NotifyPayload.of(Ike.NAT_DETECTION_SOURCE_IP, hash(sa.spiI, 0, sa.local)));
            m.add(NotifyPayload.of(Ike.NAT_DETECTION_DESTINATION_IP, hash(sa.spiI, 0, sa.remote)));
        }
        return Status.SUCCESS;
    }

    @Override
    public Status process(Message r) {
        if (sa.peer.natTraversal && detect(r, r.spiI, r.spiR) && (sa.natLocal || sa.natRemote)) {
            floatToNatT(sa);
        }
        return Status.SUCCESS;
    }

    @Override
    public Status processRequest(Message m) {
        if (sa.peer.natTraversal) {
            detect(m, m.spiI, 0);
        }
        return Status.SUCCESS;
    }

    @Override
    public Status buildResponse(Message r) {
        if (sa.peer.natTraversal && peerSent) {
            r.add(NotifyPayload.of(Ike.NAT_DETECTION_SOURCE_IP, hash(sa.spiI, sa.spiR, sa.local)));
            r.add(NotifyPayload.of(Ike.NAT_DETECTION_DESTINATION_IP, hash(sa.spiI, sa.spiR, sa.remote)));
        }
        return Status.SUCCESS;
    }

    /** Compares the peer's hashes with the addresses the message really travelled between. */
    private boolean detect(Message m, long spiI, long spiR) {
        List<NotifyPayload> all = m.all(Ike.NOTIFY);
        byte[] expectedSource = hash(spiI, spiR, m.from);
        byte[] expectedDestination = hash(spiI, spiR, m.to);
        boolean anySource = false;
        boolean sourceMatches = false;
        boolean destinationMatches = false;
        boolean anyDestination = false;
        for (NotifyPayload n : all) {
            if (n.notifyType == Ike.NAT_DETECTION_SOURCE_IP) {
                anySource = true;
                sourceMatches |= Arrays.equals(n.data, expectedSource);
            } else if (n.notifyType == Ike.NAT_DETECTION_DESTINATION_IP) {
                anyDestination = true;
                destinationMatches |= Arrays.equals(n.data, expectedDestination);
            }
        }
        peerSent = anySource && anyDestination;
        if (!peerSent) {
            return false;
        }
        sa.natRemote = !sourceMatches;
        sa.natLocal = !destinationMatches;
        return true;
    }

    /** Moves the IKE SA to the NAT-T port on both ends (RFC 3947 "floating"). */
    static void floatToNatT(IkeSa sa) {
        int natT = sa.host.settings().natTPort;
        if (sa.local.getPort() != natT) {
            sa.local = new InetSocketAddress(sa.local.getAddress(), natT);
        }
        if (sa.remote.getPort() == sa.host.settings().ikePort) {
            sa.remote = new InetSocketAddress(sa.remote.getAddress(), natT);
        }
    }

    private byte[] hash(long spiI, long spiR, InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        byte[] port = {(byte) (address.getPort() >>> 8), (byte) address.getPort()};
        return host.crypto().hash(Algorithm.SHA1).digest(PrfPlus.spiBytes(spiI), PrfPlus.spiBytes(spiR), ip, port);
    }
}
