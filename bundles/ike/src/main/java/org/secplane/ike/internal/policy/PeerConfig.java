package org.secplane.ike.internal.policy;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/** One IKE gateway ({@code security ike gateway G}) with its IKE policy and proposals resolved. */
public final class PeerConfig {

    public final String name;
    /** Primary and backup addresses (D-27), resolved; empty for a {@code dynamic} gateway. */
    public final List<InetAddress> addresses;
    /** The address of the external interface: IKE's local endpoint. */
    public final InetAddress localAddress;
    public final String externalInterface;
    /** {@code null}: the local address (D-23). */
    public final Identity localIdentity;
    /** {@code null}: any peer identity is accepted (D-23). */
    public final Identity remoteIdentity;
    /** For a {@code dynamic} gateway: the identity the peer must present; else {@code null}. */
    public final Identity dynamicIdentity;
    public final boolean generalIkeId;
    public final String ikePolicy;
    public final AuthMethod authMethod;
    /** {@code null} unless the policy has {@code pre-shared-key}. */
    public final SecretSource preSharedKey;
    /** {@code certificate local-certificate}, or {@code null}. */
    public final String localCertificate;
    public final String trustedCa;
    public final List<IkeProposalSpec> proposals;
    /** Whether {@code dead-peer-detection} is configured. */
    public final boolean dpd;
    /** Seconds; 0 disables DPD. */
    public final int dpdInterval;
    public final boolean dpdAlwaysSend;
    /** Fixed at 5 for IKEv2 (¶207). */
    public final int dpdThreshold;
    public final boolean natTraversal;
    public final int natKeepalive;
    /** 1 or 2 ({@code version}). */
    public final int version;

    public PeerConfig(String name, List<InetAddress> addresses, InetAddress localAddress, String externalInterface,
            Identity localIdentity, Identity remoteIdentity, Identity dynamicIdentity, boolean generalIkeId, String ikePolicy,
            AuthMethod authMethod, SecretSource preSharedKey, String localCertificate, String trustedCa,
            List<IkeProposalSpec> proposals, boolean dpd, int dpdInterval, boolean dpdAlwaysSend, int dpdThreshold,
            boolean natTraversal, int natKeepalive, int version) {
        this.name = name;
        this.addresses = List.copyOf(addresses);
        this.localAddress = localAddress;
        this.externalInterface = externalInterface;
        this.localIdentity = localIdentity;
        this.remoteIdentity = remoteIdentity;
        this.dynamicIdentity = dynamicIdentity;
        this.generalIkeId = generalIkeId;
        this.ikePolicy = ikePolicy;
        this.authMethod = authMethod;
        this.preSharedKey = preSharedKey;
        this.localCertificate = localCertificate;
        this.trustedCa = trustedCa;
        this.proposals = List.copyOf(proposals);
        this.dpd = dpd;
        this.dpdInterval = dpdInterval;
        this.dpdAlwaysSend = dpdAlwaysSend;
        this.dpdThreshold = dpdThreshold;
        this.natTraversal = natTraversal;
        this.natKeepalive = natKeepalive;
        this.version = version;
    }

    /** A builder pre-filled with the defaults of the schema, for code and tests that make gateways directly. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.addresses = addresses;
        b.localAddress = localAddress;
        b.externalInterface = externalInterface;
        b.localIdentity = localIdentity;
        b.remoteIdentity = remoteIdentity;
        b.dynamicIdentity = dynamicIdentity;
        b.generalIkeId = generalIkeId;
        b.ikePolicy = ikePolicy;
        b.authMethod = authMethod;
        b.preSharedKey = preSharedKey;
        b.localCertificate = localCertificate;
        b.trustedCa = trustedCa;
        b.proposals = proposals;
        b.dpd = dpd;
        b.dpdInterval = dpdInterval;
        b.dpdAlwaysSend = dpdAlwaysSend;
        b.natTraversal = natTraversal;
        b.natKeepalive = natKeepalive;
        b.version = version;
        return b;
    }

    /** The lifetime of a new IKE SA negotiated with {@code chosen}. */
    public int lifetimeSeconds(IkeProposalSpec chosen) {
        return chosen != null ? chosen.lifetimeSeconds : proposals.isEmpty() ? 28800 : proposals.get(0).lifetimeSeconds;
    }

    /**
     * What D-42 says clears the gateway's SAs when it changes: addresses, identities, external interface,
     * version.
     */
    public boolean sameEndpointsAndIdentities(PeerConfig o) {
        return addresses.equals(o.addresses) && Objects.equals(localAddress, o.localAddress)
                && Objects.equals(externalInterface, o.externalInterface) && Objects.equals(localIdentity, o.localIdentity)
                && Objects.equals(remoteIdentity, o.remoteIdentity) && Objects.equals(dynamicIdentity, o.dynamicIdentity)
                && version == o.version;
    }

    @Override
    public String toString() {
        return name + " " + addresses + " via " + externalInterface;
    }

    /** Builds a {@link PeerConfig}. */
    public static final class Builder {
        private final String name;
        private List<InetAddress> addresses = List.of();
        private InetAddress localAddress;
        private String externalInterface = "ge-0/0/0.0";
        private Identity localIdentity;
        private Identity remoteIdentity;
        private Identity dynamicIdentity;
        private boolean generalIkeId;
        private String ikePolicy = "ike-policy";
        private AuthMethod authMethod = AuthMethod.PRE_SHARED_KEYS;
        private SecretSource preSharedKey;
        private String localCertificate;
        private String trustedCa;
        private List<IkeProposalSpec> proposals = List.of();
        private boolean dpd;
        private int dpdInterval = 10;
        private boolean dpdAlwaysSend;
        private boolean natTraversal = true;
        private int natKeepalive = 5;
        private int version = 2;

        Builder(String name) {
            this.name = name;
        }

        public Builder addresses(List<InetAddress> a) { this.addresses = a; return this; }
        public Builder localAddress(InetAddress a) { this.localAddress = a; return this; }
        public Builder externalInterface(String i) { this.externalInterface = i; return this; }
        public Builder localIdentity(Identity i) { this.localIdentity = i; return this; }
        public Builder remoteIdentity(Identity i) { this.remoteIdentity = i; return this; }
        public Builder dynamicIdentity(Identity i) { this.dynamicIdentity = i; return this; }
        public Builder generalIkeId(boolean g) { this.generalIkeId = g; return this; }
        public Builder ikePolicy(String p) { this.ikePolicy = p; return this; }
        public Builder authMethod(AuthMethod m) { this.authMethod = m; return this; }
        public Builder preSharedKey(SecretSource s) { this.preSharedKey = s; return this; }
        public Builder localCertificate(String c) { this.localCertificate = c; return this; }
        public Builder trustedCa(String c) { this.trustedCa = c; return this; }
        public Builder proposals(List<IkeProposalSpec> p) { this.proposals = p; return this; }
        public Builder dpd(int interval, boolean alwaysSend) {
            this.dpd = true;
            this.dpdInterval = interval;
            this.dpdAlwaysSend = alwaysSend;
            return this;
        }
        public Builder noDpd() { this.dpd = false; return this; }
        public Builder natTraversal(boolean n) { this.natTraversal = n; return this; }
        public Builder natKeepalive(int s) { this.natKeepalive = s; return this; }
        public Builder version(int v) { this.version = v; return this; }

        public PeerConfig build() {
            return new PeerConfig(name, addresses, localAddress, externalInterface, localIdentity, remoteIdentity, dynamicIdentity,
                    generalIkeId, ikePolicy, authMethod, preSharedKey, localCertificate, trustedCa, proposals, dpd,
                    dpd ? dpdInterval : 0, dpdAlwaysSend, 5, natTraversal, natKeepalive, version);
        }
    }
}
