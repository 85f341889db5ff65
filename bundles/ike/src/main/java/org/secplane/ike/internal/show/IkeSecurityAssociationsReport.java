package org.secplane.ike.internal.show;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.secplane.cli.Report;
import org.secplane.ike.internal.engine.ChildSaInfo;
import org.secplane.ike.internal.engine.IkeSaInfo;

/**
 * {@code show security ike security-associations} (ipsec-srx.md §3.10, D-45, D-50): the summary in the new
 * column order, and the detail block per IKE SA.
 *
 * <pre>
 * Index     State  Initiator cookie  Responder cookie  Mode   Remote Address
 * 5802591   UP     d31d6833108fd69f  9ddfe2ce133086aa  IKEv2  1.0.0.1
 * </pre>
 *
 * The detail block is the spec's, with two additions the 2014 guide does not have: the Diffie-Hellman group
 * under Algorithms (as later Junos releases print it), and, for IKEv2, the CHILD SA pairs of the IKE SA after
 * the negotiations in progress ({@code IPsec SA pairs:}, a secplane extension: their SPIs, algorithms and
 * lifetimes as key management negotiated them). With {@code | display json} the same data, named after the
 * Junos XML ({@code ike-security-associations-information}, {@code ike-sa-index}, …).
 */
public final class IkeSecurityAssociationsReport {

    private static final String ROW = "%-10s%-7s%-18s%-18s%-7s%s%n";

    private IkeSecurityAssociationsReport() {
    }

    /** The summary ({@code brief}, or no option). */
    public static Report summary(List<IkeSaInfo> sas) {
        List<Object> list = new ArrayList<>();
        for (IkeSaInfo sa : sas) {
            list.add(summaryData(sa));
        }
        return Report.of(wrap(list), out -> {
            if (sas.isEmpty()) {
                return;
            }
            out.printf(ROW, "Index", "State", "Initiator cookie", "Responder cookie", "Mode", "Remote Address");
            for (IkeSaInfo sa : sas) {
                out.printf(ROW, sa.index(), sa.state(), sa.initiatorCookie(), sa.responderCookie(), sa.exchangeType(),
                        sa.remote().getAddress().getHostAddress());
            }
        });
    }

    /** The detail blocks ({@code detail}, or {@code index N}); {@code children} are the CHILD SAs of all of them. */
    public static Report detail(List<IkeSaInfo> sas, List<ChildSaInfo> children) {
        List<Object> list = new ArrayList<>();
        for (IkeSaInfo sa : sas) {
            list.add(detailData(sa, childrenOf(sa, children)));
        }
        return Report.of(wrap(list), out -> {
            boolean first = true;
            for (IkeSaInfo sa : sas) {
                if (!first) {
                    out.println();
                }
                first = false;
                detailText(out, sa, childrenOf(sa, children));
            }
        });
    }

    private static Map<String, Object> wrap(List<Object> list) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("ike-security-associations", list);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ike-security-associations-information", info);
        return data;
    }

    private static List<ChildSaInfo> childrenOf(IkeSaInfo sa, List<ChildSaInfo> children) {
        List<ChildSaInfo> out = new ArrayList<>();
        for (ChildSaInfo c : children) {
            if (c.ikeSaIndex() == sa.index()) {
                out.add(c);
            }
        }
        return out;
    }

    private static Map<String, Object> summaryData(IkeSaInfo sa) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ike-sa-index", sa.index());
        m.put("ike-sa-state", sa.state());
        m.put("ike-sa-initiator-cookie", sa.initiatorCookie());
        m.put("ike-sa-responder-cookie", sa.responderCookie());
        m.put("ike-sa-exchange-type", sa.exchangeType());
        m.put("ike-sa-remote-address", sa.remote().getAddress().getHostAddress());
        return m;
    }

    private static Map<String, Object> detailData(IkeSaInfo sa, List<ChildSaInfo> children) {
        Map<String, Object> m = summaryData(sa);
        m.put("ike-gateway", sa.gateway());
        m.put("ike-sa-role", sa.role());
        m.put("ike-sa-negotiation-state", sa.detailedState());
        m.put("ike-sa-authentication-method", sa.authenticationMethod());
        m.put("ike-sa-local-address", sa.local().getAddress().getHostAddress());
        m.put("ike-sa-local-port", sa.local().getPort());
        m.put("ike-sa-remote-port", sa.remote().getPort());
        m.put("ike-sa-lifetime", sa.lifetimeRemainingSeconds());
        m.put("ike-sa-peer-ike-id", sa.peerIkeId());
        m.put("ike-sa-local-ike-id", sa.localIdentity());
        m.put("ike-sa-xauth-username", "not available");
        m.put("ike-sa-xauth-assigned-ip", "0.0.0.0");
        Map<String, Object> algorithms = new LinkedHashMap<>();
        algorithms.put("ike-sa-authentication-algorithm", sa.integrity());
        algorithms.put("ike-sa-encryption-algorithm", sa.encryption());
        algorithms.put("ike-sa-prf-algorithm", sa.prf());
        algorithms.put("ike-sa-dhgroup", sa.dhGroup());
        m.put("ike-sa-algorithms", algorithms);
        m.put("ike-sa-input-bytes", sa.inputBytes());
        m.put("ike-sa-output-bytes", sa.outputBytes());
        m.put("ike-sa-input-packets", sa.inputPackets());
        m.put("ike-sa-output-packets", sa.outputPackets());
        m.put("ike-sa-nat-local", sa.localBehindNat());
        m.put("ike-sa-nat-remote", sa.remoteBehindNat());
        m.put("ike-sa-flags", sa.flags());
        m.put("ike-sa-ipsec-sas-created", sa.ipsecSasCreated());
        m.put("ike-sa-ipsec-sas-deleted", sa.ipsecSasDeleted());
        List<Object> negotiations = new ArrayList<>();
        for (IkeSaInfo.NegotiationInfo n : sa.negotiations()) {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("negotiation-type", n.type());
            nm.put("role", n.role());
            nm.put("message-id", n.messageId());
            nm.put("local", endpoint(n.local()));
            nm.put("remote", endpoint(n.remote()));
            nm.put("local-identity", n.localIdentity());
            nm.put("remote-identity", n.remoteIdentity());
            negotiations.add(nm);
        }
        m.put("ike-sa-phase2-negotiations-in-progress", negotiations.size());
        m.put("ike-sa-phase2-negotiation", negotiations);
        List<Object> pairs = new ArrayList<>();
        for (ChildSaInfo c : children) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("tunnel-id", c.tunnelId());
            cm.put("vpn-name", c.vpn());
            cm.put("state", c.negotiationState());
            cm.put("protocol", c.protocol());
            cm.put("inbound-spi", Long.toHexString(c.inboundSpi()));
            cm.put("outbound-spi", Long.toHexString(c.outboundSpi()));
            cm.put("encryption", c.encryption());
            cm.put("authentication", c.authentication());
            cm.put("pfs-group", c.pfsGroup());
            cm.put("hard-lifetime-remaining", c.hardLifetimeRemaining());
            cm.put("soft-lifetime-remaining", Math.max(0, c.softLifetimeRemaining()));
            cm.put("lifesize-kilobytes", c.lifesizeRemainingInbound());
            cm.put("udp-encapsulation", c.udpEncapsulated());
            cm.put("local-identity", c.localIdentity());
            cm.put("remote-identity", c.remoteIdentity());
            pairs.add(cm);
        }
        m.put("ipsec-sa-pair", pairs);
        return m;
    }

    private static void detailText(PrintStream out, IkeSaInfo sa, List<ChildSaInfo> children) {
        out.println("IKE peer " + sa.remote().getAddress().getHostAddress() + ", Index " + sa.index() + ",");
        out.println("  Role: " + sa.role() + ", State: " + sa.state());
        out.println("  Initiator cookie: " + sa.initiatorCookie() + ", Responder cookie: " + sa.responderCookie());
        out.println("  Exchange type: " + sa.exchangeType() + ", Authentication method: " + sa.authenticationMethod());
        out.println("  Local: " + endpoint(sa.local()) + ", Remote: " + endpoint(sa.remote()));
        out.println("  Lifetime: Expires in " + sa.lifetimeRemainingSeconds() + " seconds");
        out.println("  Peer ike-id: " + sa.peerIkeId());
        out.println("  Xauth user-name: not available");
        out.println("  Xauth assigned IP: 0.0.0.0");
        out.println("  Algorithms:");
        out.println("   Authentication        : " + sa.integrity());
        out.println("   Encryption            : " + sa.encryption());
        out.println("   Pseudo random function: " + sa.prf());
        out.println("   Diffie-Hellman group  : " + sa.dhGroup());
        out.println("  Traffic statistics:");
        out.printf("   Input  bytes  :%21d%n", sa.inputBytes());
        out.printf("   Output bytes  :%21d%n", sa.outputBytes());
        out.printf("   Input  packets:%21d%n", sa.inputPackets());
        out.printf("   Output packets:%21d%n", sa.outputPackets());
        out.println("  Flags: " + sa.flags());
        out.println("  IPSec security associations: " + sa.ipsecSasCreated() + " created, " + sa.ipsecSasDeleted() + " deleted");
        out.println("  Phase 2 negotiations in progress: " + sa.negotiations().size());
        for (IkeSaInfo.NegotiationInfo n : sa.negotiations()) {
            out.println();
            out.println("    Negotiation type: " + n.type() + ", Role: " + n.role() + ", Message ID: " + n.messageId());
            out.println("    Local: " + endpoint(n.local()) + ", Remote: " + endpoint(n.remote()));
            out.println("    Local identity: " + n.localIdentity());
            out.println("    Remote identity: " + n.remoteIdentity());
            out.println("    Flags: " + sa.flags());
        }
        if (!children.isEmpty()) {
            out.println();
            out.println("  IPsec SA pairs: " + children.size());
            for (ChildSaInfo c : children) {
                out.println("    Tunnel " + c.tunnelId() + ", VPN " + c.vpn() + ", " + c.protocol() + " SPIs: inbound "
                        + Long.toHexString(c.inboundSpi()) + ", outbound " + Long.toHexString(c.outboundSpi()) + ", State: "
                        + c.negotiationState());
                out.println("      Encryption: " + c.encryption() + ", Authentication: " + c.authentication() + ", PFS: "
                        + c.pfsGroup() + (c.udpEncapsulated() ? ", UDP-encapsulated" : ""));
                out.println("      Lifetime: Expires in " + c.hardLifetimeRemaining() + " seconds, soft "
                        + (c.softLifetimeRemaining() <= 0 ? "Expired" : c.softLifetimeRemaining() + " seconds")
                        + ", Lifesize: " + (c.lifesizeRemainingInbound() < 0 ? "unlimited" : c.lifesizeRemainingInbound() + " KB"));
                out.println("      Local identity: " + c.localIdentity());
                out.println("      Remote identity: " + c.remoteIdentity());
            }
        }
    }

    static String endpoint(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
