package org.secplane.ike.internal.testkit;

import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.ChildProposalSpec;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.IkeProposalSpec;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.VpnConfig;

/** The two reference scenarios: PSK ECP-256 with AES-GCM, and PSK MODP-2048 with AES-CBC/HMAC-SHA-256. */
public final class Scenarios {

    public static final String ALICE_NET = "10.1.0.0/16";
    public static final String BOB_NET = "10.2.0.0/16";
    public static final String PSK = "interop-test-psk-0123456789";

    private Scenarios() {
    }

    /** PSK, IKE aes-256-gcm / prf-hmac-sha2-256 / ecp256; ESP aes-256-gcm with PFS ecp256. */
    public static IkePolicy[] ecp256Gcm() {
        IkeProposalSpec ike = Policies.ecp256Gcm();
        ChildProposalSpec esp = new ChildProposalSpec("esp-gcm", Ike.PROTO_ESP, Algorithm.AES_256_GCM_16, null, Algorithm.ECP_256,
                3600, 0);
        return pair(ike, esp);
    }

    /** PSK, IKE aes-128-cbc / hmac-sha2-256-128 / prf-hmac-sha2-256 / modp2048; ESP aes-128-cbc + hmac-sha2-256-128, PFS modp2048. */
    public static IkePolicy[] modp2048Cbc() {
        IkeProposalSpec ike = Policies.modp2048Cbc();
        ChildProposalSpec esp = new ChildProposalSpec("esp-cbc", Ike.PROTO_ESP, Algorithm.AES_128_CBC, Algorithm.HMAC_SHA2_256_128,
                Algorithm.MODP_2048, 3600, 0);
        return pair(ike, esp);
    }

    public static IkePolicy[] pair(IkeProposalSpec ike, ChildProposalSpec esp) {
        PeerConfig a = Policies.gateway("gw-bob", Peers.ALICE, Peers.BOB, PSK).proposals(List.of(ike)).build();
        PeerConfig b = Policies.gateway("gw-alice", Peers.BOB, Peers.ALICE, PSK).proposals(List.of(ike)).build();
        VpnConfig va = Policies.vpn("vpn-bob", "gw-bob", List.of(esp), ALICE_NET, BOB_NET, false);
        VpnConfig vb = Policies.vpn("vpn-alice", "gw-alice", List.of(esp), BOB_NET, ALICE_NET, false);
        return new IkePolicy[] {Policies.policy(a, va), Policies.policy(b, vb)};
    }
}
