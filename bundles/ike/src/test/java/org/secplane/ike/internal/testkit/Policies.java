package org.secplane.ike.internal.testkit;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.AuthMethod;
import org.secplane.ike.internal.policy.ChildProposalSpec;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.IkeProposalSpec;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.VpnConfig;
import org.secplane.ipsec.ChildSa.DfBit;
import org.secplane.ipsec.TrafficSelector;

/** Gateways, proposals and VPNs for engine tests. */
public final class Policies {

    private Policies() {
    }

    public static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    public static IkeProposalSpec ecp256Gcm() {
        return new IkeProposalSpec("ecp256-gcm", AuthMethod.PRE_SHARED_KEYS, Algorithm.AES_256_GCM_16, null,
                Algorithm.PRF_HMAC_SHA2_256, Algorithm.ECP_256, 28800);
    }

    public static IkeProposalSpec modp2048Cbc() {
        return new IkeProposalSpec("modp2048-cbc", AuthMethod.PRE_SHARED_KEYS, Algorithm.AES_128_CBC,
                Algorithm.HMAC_SHA2_256_128, Algorithm.PRF_HMAC_SHA2_256, Algorithm.MODP_2048, 28800);
    }

    public static IkeProposalSpec ike(Algorithm enc, Algorithm integ, Algorithm prf, Algorithm dh) {
        return new IkeProposalSpec("p-" + enc.label() + "-" + dh.label(), AuthMethod.PRE_SHARED_KEYS, enc, integ, prf, dh, 28800);
    }

    public static ChildProposalSpec espGcm() {
        return new ChildProposalSpec("esp-gcm", Ike.PROTO_ESP, Algorithm.AES_256_GCM_16, null, null, 3600, 0);
    }

    public static ChildProposalSpec espCbc() {
        return new ChildProposalSpec("esp-cbc", Ike.PROTO_ESP, Algorithm.AES_128_CBC, Algorithm.HMAC_SHA2_256_128, null, 3600, 0);
    }

    public static PeerConfig.Builder gateway(String name, String local, String remote, String psk) {
        byte[] secret = psk.getBytes(StandardCharsets.US_ASCII);
        return PeerConfig.builder(name)
                .addresses(List.of(ip(remote)))
                .localAddress(ip(local))
                .preSharedKey(secret::clone)
                .proposals(List.of(ecp256Gcm()));
    }

    public static VpnConfig vpn(String name, String gateway, List<ChildProposalSpec> proposals, String local, String remote,
            boolean immediately) {
        return new VpnConfig(name, gateway, "ipsec-policy", proposals, TrafficSelector.ofPrefix(local),
                TrafficSelector.ofPrefix(remote), "st0.0", immediately, 64, DfBit.CLEAR, 0, 1, null);
    }

    public static IkePolicy policy(PeerConfig gateway, VpnConfig... vpns) {
        return new IkePolicy(List.of(gateway), List.of(vpns), 5);
    }
}
