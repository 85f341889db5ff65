package org.secplane.ike.internal.policy;

import java.util.List;
import java.util.Objects;
import org.secplane.ipsec.ChildSa.DfBit;
import org.secplane.ipsec.TrafficSelector;

/** One AutoKey IKE VPN ({@code security ipsec vpn V} with {@code ike}), its IPsec policy resolved. */
public final class VpnConfig {

    public final String name;
    public final String gateway;
    public final String ipsecPolicy;
    public final List<ChildProposalSpec> proposals;
    /** Local and remote selectors proposed as initiator and the bounds accepted as responder (D-11). */
    public final TrafficSelector localSelector;
    public final TrafficSelector remoteSelector;
    public final String bindInterface;
    public final boolean establishImmediately;
    /** 64, or 0 with {@code no-anti-replay} (D-13). */
    public final int replayWindow;
    public final DfBit dfBit;
    /** Seconds, 0 = disabled. */
    public final int idleTime;
    public final int installInterval;
    /** The security policy a policy-based VPN's selectors came from, else {@code null}. */
    public final String policyName;

    public VpnConfig(String name, String gateway, String ipsecPolicy, List<ChildProposalSpec> proposals,
            TrafficSelector localSelector, TrafficSelector remoteSelector, String bindInterface, boolean establishImmediately,
            int replayWindow, DfBit dfBit, int idleTime, int installInterval, String policyName) {
        this.name = name;
        this.gateway = gateway;
        this.ipsecPolicy = ipsecPolicy;
        this.proposals = List.copyOf(proposals);
        this.localSelector = localSelector;
        this.remoteSelector = remoteSelector;
        this.bindInterface = bindInterface;
        this.establishImmediately = establishImmediately;
        this.replayWindow = replayWindow;
        this.dfBit = dfBit;
        this.idleTime = idleTime;
        this.installInterval = installInterval;
        this.policyName = policyName;
    }

    /**
     * The effective Phase 2 parameters whose change deletes the VPN's IPsec SAs (D-42): proposals and PFS,
     * selectors, bind-interface, df-bit, gateway, anti-replay.
     */
    public boolean samePhase2(VpnConfig o) {
        return proposals.equals(o.proposals) && localSelector.equals(o.localSelector) && remoteSelector.equals(o.remoteSelector)
                && Objects.equals(bindInterface, o.bindInterface) && dfBit == o.dfBit && gateway.equals(o.gateway)
                && replayWindow == o.replayWindow;
    }

    public VpnConfig withEstablishImmediately(boolean immediately) {
        return new VpnConfig(name, gateway, ipsecPolicy, proposals, localSelector, remoteSelector, bindInterface, immediately,
                replayWindow, dfBit, idleTime, installInterval, policyName);
    }

    public VpnConfig withProposals(List<ChildProposalSpec> p) {
        return new VpnConfig(name, gateway, ipsecPolicy, p, localSelector, remoteSelector, bindInterface, establishImmediately,
                replayWindow, dfBit, idleTime, installInterval, policyName);
    }

    public VpnConfig withSelectors(TrafficSelector local, TrafficSelector remote) {
        return new VpnConfig(name, gateway, ipsecPolicy, proposals, local, remote, bindInterface, establishImmediately,
                replayWindow, dfBit, idleTime, installInterval, policyName);
    }

    @Override
    public String toString() {
        return name + " -> " + gateway + " " + localSelector + " <-> " + remoteSelector;
    }
}
