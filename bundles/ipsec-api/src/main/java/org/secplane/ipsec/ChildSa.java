package org.secplane.ipsec;

import java.net.InetAddress;
import java.util.List;
import org.secplane.crypto.Algorithm;

/**
 * An IPsec SA pair (one inbound, one outbound SA) as key management hands it to the data plane. Key
 * arrays are the data plane's to keep and zero; key management keeps no reference to them.
 */
public final class ChildSa {

    /** How the pair was made: an IKE negotiation, or configuration ({@code manual}). */
    public enum Origin { IKEV1, IKEV2, MANUAL }

    /** Outer DF bit handling ({@code df-bit}). */
    public enum DfBit { CLEAR, SET, COPY }

    private final long tunnelId;
    private final String vpn;
    private final Origin origin;
    private final int protocol;
    private final boolean tunnelMode;
    private final InetAddress local;
    private final InetAddress remote;
    private final int localPort;
    private final int remotePort;
    private final long inboundSpi;
    private final long outboundSpi;
    private final Algorithm encryption;
    private final Algorithm integrity;
    private final byte[] inboundEncryptionKey;
    private final byte[] inboundIntegrityKey;
    private final byte[] outboundEncryptionKey;
    private final byte[] outboundIntegrityKey;
    private final List<TrafficSelector> localSelectors;
    private final List<TrafficSelector> remoteSelectors;
    private final Lifetime lifetime;
    private final int replayWindow;
    private final DfBit dfBit;
    private final String bindInterface;
    private final String policyName;

    private ChildSa(Builder b) {
        this.tunnelId = b.tunnelId;
        this.vpn = b.vpn;
        this.origin = b.origin;
        this.protocol = b.protocol;
        this.tunnelMode = b.tunnelMode;
        this.local = b.local;
        this.remote = b.remote;
        this.localPort = b.localPort;
        this.remotePort = b.remotePort;
        this.inboundSpi = b.inboundSpi;
        this.outboundSpi = b.outboundSpi;
        this.encryption = b.encryption;
        this.integrity = b.integrity;
        this.inboundEncryptionKey = b.inboundEncryptionKey;
        this.inboundIntegrityKey = b.inboundIntegrityKey;
        this.outboundEncryptionKey = b.outboundEncryptionKey;
        this.outboundIntegrityKey = b.outboundIntegrityKey;
        this.localSelectors = List.copyOf(b.localSelectors);
        this.remoteSelectors = List.copyOf(b.remoteSelectors);
        this.lifetime = b.lifetime;
        this.replayWindow = b.replayWindow;
        this.dfBit = b.dfBit;
        this.bindInterface = b.bindInterface;
        this.policyName = b.policyName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tunnel's ID in {@code show security ipsec security-associations} (kept across rekeys). */
    public long tunnelId() {
        return tunnelId;
    }

    /** The configured VPN ({@code security ipsec vpn NAME}) or ES PIC SA / services rule it belongs to. */
    public String vpn() {
        return vpn;
    }

    public Origin origin() {
        return origin;
    }

    /** 50 (ESP) or 51 (AH). */
    public int protocol() {
        return protocol;
    }

    public boolean tunnelMode() {
        return tunnelMode;
    }

    public InetAddress local() {
        return local;
    }

    public InetAddress remote() {
        return remote;
    }

    /** UDP encapsulation (NAT-T, RFC 3948): the local port, 0 for plain ESP. */
    public int localPort() {
        return localPort;
    }

    public int remotePort() {
        return remotePort;
    }

    public long inboundSpi() {
        return inboundSpi;
    }

    public long outboundSpi() {
        return outboundSpi;
    }

    /** The cipher or AEAD; {@code null} for AH and authentication-only ESP. */
    public Algorithm encryption() {
        return encryption;
    }

    /** The integrity algorithm; {@code null} with an AEAD. */
    public Algorithm integrity() {
        return integrity;
    }

    public byte[] inboundEncryptionKey() {
        return inboundEncryptionKey;
    }

    public byte[] inboundIntegrityKey() {
        return inboundIntegrityKey;
    }

    public byte[] outboundEncryptionKey() {
        return outboundEncryptionKey;
    }

    public byte[] outboundIntegrityKey() {
        return outboundIntegrityKey;
    }

    public List<TrafficSelector> localSelectors() {
        return localSelectors;
    }

    public List<TrafficSelector> remoteSelectors() {
        return remoteSelectors;
    }

    public Lifetime lifetime() {
        return lifetime;
    }

    /** Anti-replay window in packets; 0 when anti-replay is off ({@code no-anti-replay}). */
    public int replayWindow() {
        return replayWindow;
    }

    public DfBit dfBit() {
        return dfBit;
    }

    /** The st0 unit of a route-based VPN, or {@code null} for a policy-based one. */
    public String bindInterface() {
        return bindInterface;
    }

    /** The security policy that made a policy-based SA, or {@code null}. */
    public String policyName() {
        return policyName;
    }

    /** Builds a {@link ChildSa}. */
    public static final class Builder {
        private long tunnelId;
        private String vpn;
        private Origin origin = Origin.IKEV2;
        private int protocol = 50;
        private boolean tunnelMode = true;
        private InetAddress local;
        private InetAddress remote;
        private int localPort;
        private int remotePort;
        private long inboundSpi;
        private long outboundSpi;
        private Algorithm encryption;
        private Algorithm integrity;
        private byte[] inboundEncryptionKey;
        private byte[] inboundIntegrityKey;
        private byte[] outboundEncryptionKey;
        private byte[] outboundIntegrityKey;
        private List<TrafficSelector> localSelectors = List.of();
        private List<TrafficSelector> remoteSelectors = List.of();
        private Lifetime lifetime = Lifetime.of(3600, 0);
        private int replayWindow = 64;
        private DfBit dfBit = DfBit.CLEAR;
        private String bindInterface;
        private String policyName;

        public Builder tunnelId(long id) { this.tunnelId = id; return this; }
        public Builder vpn(String name) { this.vpn = name; return this; }
        public Builder origin(Origin o) { this.origin = o; return this; }
        public Builder protocol(int p) { this.protocol = p; return this; }
        public Builder tunnelMode(boolean t) { this.tunnelMode = t; return this; }
        public Builder endpoints(InetAddress localAddress, InetAddress remoteAddress) {
            this.local = localAddress;
            this.remote = remoteAddress;
            return this;
        }
        public Builder udpEncapsulation(int localUdpPort, int remoteUdpPort) {
            this.localPort = localUdpPort;
            this.remotePort = remoteUdpPort;
            return this;
        }
        public Builder spis(long inbound, long outbound) {
            this.inboundSpi = inbound;
            this.outboundSpi = outbound;
            return this;
        }
        public Builder algorithms(Algorithm encryptionAlgorithm, Algorithm integrityAlgorithm) {
            this.encryption = encryptionAlgorithm;
            this.integrity = integrityAlgorithm;
            return this;
        }
        public Builder inboundKeys(byte[] encryptionKey, byte[] integrityKey) {
            this.inboundEncryptionKey = encryptionKey;
            this.inboundIntegrityKey = integrityKey;
            return this;
        }
        public Builder outboundKeys(byte[] encryptionKey, byte[] integrityKey) {
            this.outboundEncryptionKey = encryptionKey;
            this.outboundIntegrityKey = integrityKey;
            return this;
        }
        public Builder selectors(List<TrafficSelector> localSide, List<TrafficSelector> remoteSide) {
            this.localSelectors = localSide;
            this.remoteSelectors = remoteSide;
            return this;
        }
        public Builder lifetime(Lifetime l) { this.lifetime = l; return this; }
        public Builder replayWindow(int window) { this.replayWindow = window; return this; }
        public Builder dfBit(DfBit bit) { this.dfBit = bit; return this; }
        public Builder bindInterface(String st0Unit) { this.bindInterface = st0Unit; return this; }
        public Builder policyName(String name) { this.policyName = name; return this; }

        public ChildSa build() {
            if (local == null || remote == null) {
                throw new IllegalStateException("an SA needs its local and remote endpoints");
            }
            return new ChildSa(this);
        }
    }
}
