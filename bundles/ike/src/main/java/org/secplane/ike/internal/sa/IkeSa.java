package org.secplane.ike.internal.sa;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.secplane.crypto.KeyExchange;
import org.secplane.ike.internal.keys.IkeKeys;
import org.secplane.ike.internal.keys.IkeSuite;
import org.secplane.ike.internal.keys.SkProtector;
import org.secplane.ike.internal.message.IdPayload;
import org.secplane.ike.internal.policy.IkeProposalSpec;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.task.TaskManager;

/**
 * One IKE SA and everything key management keeps about it. Touched only from its event loop
 * ({@link #partition}); other threads read it through snapshots made on that loop.
 */
public final class IkeSa {

    /** D-46: unique per IKE SA, what {@code show … index N} and {@code clear … index N} use. */
    public final int index;
    public final int partition;
    /** Whether we are this IKE SA's original initiator (for a rekeyed SA: the rekey's initiator). */
    public final boolean initiator;
    public final String gateway;
    public final SaHost host;
    public PeerConfig peer;
    public IkeSaState state = IkeSaState.CREATED;
    public long spiI;
    public long spiR;
    public InetSocketAddress local;
    public InetSocketAddress remote;

    public IkeSuite suite;
    public IkeProposalSpec chosenProposal;
    public IkeKeys keys;
    public SkProtector outbound;
    public SkProtector inbound;
    public byte[] ni;
    public byte[] nr;
    public KeyExchange keyExchange;
    /** IKE_SA_INIT request and response as sent (AUTH signs them); dropped once authenticated. */
    public byte[] initRequest;
    public byte[] initResponse;

    public IdPayload localId;
    public IdPayload peerId;
    public String authMethodDisplay = "Pre-shared-keys";
    public boolean natLocal;
    public boolean natRemote;
    public boolean peerFragmentation;
    /** The peer's SIGNATURE_HASH_ALGORITHMS, or {@code null} when it sent none. */
    public int[] peerHashAlgorithms;
    public final List<byte[]> peerCertificateRequests = new ArrayList<>(1);
    public final List<X509Certificate> peerCertificates = new ArrayList<>(1);

    /** Our next request's message ID, and the peer's next request's. */
    public long nextMessageId;
    public long expectedMessageId;
    public long lastResponseId = -1;
    public List<byte[]> lastResponse;
    public Reassembly reassembly;

    public final List<ChildSaRecord> children = new ArrayList<>(2);
    public TaskManager tasks;

    public Runnable softTimer;
    public Runnable hardTimer;
    public Runnable dpdTimer;
    public Runnable keepaliveTimer;
    public Runnable halfOpenTimer;
    public final long createdMillis;
    public long establishedMillis;
    public long softMillis;
    public long hardMillis;
    public long lastInboundMillis;
    /** ESP counters (sum over CHILD SAs) at the last DPD check: inbound bytes, outbound bytes. */
    public long dpdInbound = -1;
    public long dpdOutbound = -1;

    public long inBytes;
    public long outBytes;
    public long inPackets;
    public long outPackets;
    public int childrenCreated;
    public int childrenDeleted;

    public String failureReason;
    /** For a rekeyed IKE SA: the one it replaces; for the old one: its replacement. */
    public IkeSa rekeyedFrom;
    public IkeSa replacedBy;
    /** Which of the gateway's addresses (D-27) this SA talks to. */
    public int addressIndex;
    /** Set once established, for duplicate resolution across loops. */
    public volatile byte[] establishedNonces;

    public IkeSa(int index, int partition, boolean initiator, String gateway, SaHost host, long now) {
        this.index = index;
        this.partition = partition;
        this.initiator = initiator;
        this.gateway = gateway;
        this.host = host;
        this.createdMillis = now;
        this.lastInboundMillis = now;
    }

    /** Our SPI: how messages to us are found. */
    public long localSpi() {
        return initiator ? spiI : spiR;
    }

    public boolean alive() {
        return state != IkeSaState.DESTROYED;
    }

    public boolean established() {
        return state == IkeSaState.ESTABLISHED;
    }

    public ChildSaRecord childByInbound(long spi) {
        for (ChildSaRecord c : children) {
            if (c.inboundSpi == spi) {
                return c;
            }
        }
        return null;
    }

    public ChildSaRecord childByOutbound(long spi) {
        for (ChildSaRecord c : children) {
            if (c.outboundSpi == spi) {
                return c;
            }
        }
        return null;
    }

    /** Frees key material and the DH private value. */
    public void wipe() {
        if (keys != null) {
            keys.wipe();
        }
        if (outbound != null) {
            outbound.close();
        }
        if (inbound != null) {
            inbound.close();
        }
        if (keyExchange != null) {
            keyExchange.close();
            keyExchange = null;
        }
        initRequest = null;
        initResponse = null;
    }

    @Override
    public String toString() {
        return "IKE SA " + index + " " + gateway + " " + Long.toHexString(spiI) + "_i " + Long.toHexString(spiR) + "_r "
                + state;
    }
}
