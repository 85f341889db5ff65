package org.secplane.ike.internal.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Report;
import org.secplane.ike.internal.engine.AuthFailure;
import org.secplane.ike.internal.engine.ChildSaInfo;
import org.secplane.ike.internal.engine.DropReason;
import org.secplane.ike.internal.engine.IkeSaInfo;
import org.secplane.ike.internal.runtime.IkePorts;
import org.secplane.ipsec.ChildSa.DfBit;
import org.secplane.ipsec.TrafficSelector;

/**
 * The IKE commands' text against the spec's layouts (ipsec-srx.md §3.10, §3.5; items 111, 112, 116 of §6.6) and
 * their JSON data, and the SA selection of show and clear (§3.2, D-50, D-54).
 */
class IkeReportsTest {

    /** The E3 responder of §3.10 (¶63), as IKEv2. */
    private static IkeSaInfo e3Responder(List<IkeSaInfo.NegotiationInfo> negotiations) {
        return new IkeSaInfo(5802591, "gw-natt", "UP", "ESTABLISHED", 0xd31d6833108fd69fL, 0x9ddfe2ce133086aaL, "IKEv2",
                "Responder", endpoint("71.1.1.1", 4500), endpoint("1.0.0.1", 4500), 25704, "branch_natt1@juniper.net",
                "responder_natt1@juniper.net", "Pre-shared-keys", "hmac-sha1-96", "3des-cbc", "hmac-sha1", "group2", 0, 0, 0, 0,
                8, 2, negotiations, false, true, "IKE SA is created");
    }

    @Test
    void summaryHasTheNewColumnOrderOfD45() {
        String text = text(IkeSecurityAssociationsReport.summary(List.of(e3Responder(List.of()))));
        assertEquals("Index     State  Initiator cookie  Responder cookie  Mode   Remote Address\n"
                + "5802591   UP     d31d6833108fd69f  9ddfe2ce133086aa  IKEv2  1.0.0.1\n", text);
    }

    @Test
    void noSasPrintNothing() {
        assertEquals("", text(IkeSecurityAssociationsReport.summary(List.of())));
    }

    @Test
    void detailPrintsTheFieldsOfSection310InOrder() {
        IkeSaInfo.NegotiationInfo rekey = new IkeSaInfo.NegotiationInfo("CREATE_CHILD_SA (rekey)", "Initiator", 7,
                endpoint("71.1.1.1", 4500), endpoint("1.0.0.1", 4500), "responder_natt1@juniper.net", "branch_natt1@juniper.net");
        String text = text(IkeSecurityAssociationsReport.detail(List.of(e3Responder(List.of(rekey))), List.of()));
        assertEquals(String.join("\n",
                "IKE peer 1.0.0.1, Index 5802591,",
                "  Role: Responder, State: UP",
                "  Initiator cookie: d31d6833108fd69f, Responder cookie: 9ddfe2ce133086aa",
                "  Exchange type: IKEv2, Authentication method: Pre-shared-keys",
                "  Local: 71.1.1.1:4500, Remote: 1.0.0.1:4500",
                "  Lifetime: Expires in 25704 seconds",
                "  Peer ike-id: branch_natt1@juniper.net",
                "  Xauth user-name: not available",
                "  Xauth assigned IP: 0.0.0.0",
                "  Algorithms:",
                "   Authentication        : hmac-sha1-96",
                "   Encryption            : 3des-cbc",
                "   Pseudo random function: hmac-sha1",
                "   Diffie-Hellman group  : group2",
                "  Traffic statistics:",
                "   Input  bytes  :                    0",
                "   Output bytes  :                    0",
                "   Input  packets:                    0",
                "   Output packets:                    0",
                "  Flags: IKE SA is created",
                "  IPSec security associations: 8 created, 2 deleted",
                "  Phase 2 negotiations in progress: 1",
                "",
                "    Negotiation type: CREATE_CHILD_SA (rekey), Role: Initiator, Message ID: 7",
                "    Local: 71.1.1.1:4500, Remote: 1.0.0.1:4500",
                "    Local identity: responder_natt1@juniper.net",
                "    Remote identity: branch_natt1@juniper.net",
                "    Flags: IKE SA is created", ""), text);
    }

    @Test
    void detailListsTheChildSaPairsOfTheIkeSaAndJsonCarriesThem() {
        ChildSaInfo child = new ChildSaInfo(131073, "vpn1", "gw-natt", 5802591, ip("71.1.1.1"), ip("1.0.0.1"), 4500,
                TrafficSelector.ofPrefix("32.1.1.0/24"), TrafficSelector.ofPrefix("33.1.1.0/24"),
                "ipv4_subnet(any:0,[0..7]=32.1.1.0/24)", "ipv4_subnet(any:0,[0..7]=33.1.1.0/24)", "IKEv2", DfBit.CLEAR, "st0.0",
                null, "ESP", 0xaf88baaL, 0x1234L, "None", "aes-128-gcm", "ESP:aes-gcm-128/None", "group19", 3352, -5, -1, -1,
                true, 64, "Tunnel", "dynamic", "installed", "INSTALLED", true, 0, 0, 0, 0);
        ChildSaInfo other = new ChildSaInfo(131074, "vpn2", "gw2", 99, ip("71.1.1.1"), ip("2.2.2.2"), 500,
                TrafficSelector.ofPrefix("0.0.0.0/0"), TrafficSelector.ofPrefix("0.0.0.0/0"), "a", "b", "IKEv2", DfBit.CLEAR, null,
                null, "ESP", 1, 2, "None", "aes-128-gcm", "x", "None", 1, 1, -1, -1, true, 64, "Tunnel", "dynamic", "installed",
                "INSTALLED", false, 0, 0, 0, 0);
        Report report = IkeSecurityAssociationsReport.detail(List.of(e3Responder(List.of())), List.of(child, other));
        String text = text(report);
        assertTrue(text.endsWith(String.join("\n",
                "  Phase 2 negotiations in progress: 0",
                "",
                "  IPsec SA pairs: 1",
                "    Tunnel 131073, VPN vpn1, ESP SPIs: inbound af88baa, outbound 1234, State: INSTALLED",
                "      Encryption: aes-128-gcm, Authentication: None, PFS: group19, UDP-encapsulated",
                "      Lifetime: Expires in 3352 seconds, soft Expired, Lifesize: unlimited",
                "      Local identity: ipv4_subnet(any:0,[0..7]=32.1.1.0/24)",
                "      Remote identity: ipv4_subnet(any:0,[0..7]=33.1.1.0/24)", "")), text);
        Map<?, ?> sa = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) report.data()).get("ike-security-associations-information"))
                .get("ike-security-associations")).get(0);
        assertEquals(5802591, sa.get("ike-sa-index"));
        assertEquals("d31d6833108fd69f", sa.get("ike-sa-initiator-cookie"));
        assertEquals(4500, sa.get("ike-sa-remote-port"));
        List<?> pairs = (List<?>) sa.get("ipsec-sa-pair");
        assertEquals(1, pairs.size());
        assertEquals("af88baa", ((Map<?, ?>) pairs.get(0)).get("inbound-spi"));
        assertEquals("group2", ((Map<?, ?>) sa.get("ike-sa-algorithms")).get("ike-sa-dhgroup"));
    }

    @Test
    void activePeerHasTheHeaderOfSection35AndOneRowPerEstablishedPeer() {
        IkeSaInfo down = new IkeSaInfo(2, "gw", "DOWN", "CONNECTING", 1, 0, "IKEv2", "Initiator", endpoint("10.0.0.1", 500),
                endpoint("10.0.0.9", 500), 0, "not valid", "10.0.0.1", "Pre-shared-keys", "None", "None", "None", "None", 0, 0, 0, 0,
                0, 0, List.of(), false, false, "IKE SA is being negotiated");
        String text = text(ActivePeersReport.of(List.of(e3Responder(List.of()), down)));
        assertEquals("Remote Address    Port    Peer IKE-ID       XAUTH username    Assigned IP\n"
                + "1.0.0.1           4500    branch_natt1@juniper.net not available     0.0.0.0\n", text);
    }

    @Test
    void statisticsNameEveryDropReasonAndTheAuthenticationFailureReason() {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            drops.put(r, 0L);
        }
        drops.put(DropReason.INTEGRITY_CHECK_FAILED, 3L);
        Report report = IkeStatisticsReport.of(new IkeStatisticsReport.Input(
                List.of(new IkePorts.PortStatus(endpoint("10.0.0.1", 500), "listening", 14),
                        new IkePorts.PortStatus(endpoint("10.0.0.1", 4500), "Cannot assign requested address", 0)),
                new long[] {0, 0, 0}, false, 2, drops,
                Map.of("gw1", new AuthFailure("gw1", "10.0.0.2", "pre-shared key mismatch: the AUTH payload of peer 10.0.0.2 "
                        + "(right@example.test) does not verify", 1000)),
                Map.of("vpn1", "no IPsec proposal matches the initiator's (NO_PROPOSAL_CHOSEN)"), List.of(), Map.of(), 13_500));
        String text = text(report);
        assertTrue(text.contains("  10.0.0.1:500        listening   14 datagrams\n"), text);
        assertTrue(text.contains("  10.0.0.1:4500       not listening: Cannot assign requested address\n"), text);
        assertTrue(text.contains("Data plane: none (2 SA pairs kept by key management only)"), text);
        assertTrue(text.contains("  integrity-check-failed                 3\n"), text);
        assertTrue(text.contains("  gw1 (10.0.0.2), 12 seconds ago: pre-shared key mismatch: the AUTH payload of peer "
                + "10.0.0.2 (right@example.test) does not verify\n"), text);
        assertTrue(text.contains("  VPN vpn1: no IPsec proposal matches the initiator's (NO_PROPOSAL_CHOSEN)\n"), text);
        Map<?, ?> body = (Map<?, ?>) ((Map<?, ?>) report.data()).get("ike-statistics");
        assertEquals(3L, ((Map<?, ?>) body.get("messages-dropped")).get("integrity-check-failed"));
        assertEquals(DropReason.values().length, ((Map<?, ?>) body.get("messages-dropped")).size());
    }

    @Test
    void selectionCombinesPeerPortIndexAndFamilyAndKnowsOneKmdInstance() throws Exception {
        IkeSaInfo sa = e3Responder(List.of());
        assertEquals(1, select("1.0.0.1").apply(List.of(sa)).size());
        assertEquals(1, select("1.0.0.1", "port", "4500").apply(List.of(sa)).size());
        assertEquals(0, select("1.0.0.1", "port", "19405").apply(List.of(sa)).size());
        assertEquals(0, select("1.0.0.2").apply(List.of(sa)).size());
        assertEquals(1, select("index", "5802591").apply(List.of(sa)).size());
        assertEquals(0, select("index", "8").apply(List.of(sa)).size());
        assertEquals(1, select("family", "inet").apply(List.of(sa)).size());
        assertEquals(0, select("family", "inet6").apply(List.of(sa)).size());
        assertEquals(1, select("fpc", "0", "pic", "0", "kmd-instance", "all").apply(List.of(sa)).size());
        assertEquals(0, select("fpc", "5", "pic", "0").apply(List.of(sa)).size());
        assertEquals(1, select("kmd-instance", "kmd0").apply(List.of(sa)).size());
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> select("kmd-instance", "kmd4"));
        assertEquals("kmd-instance kmd4 does not exist: this device has one key management instance, kmd0", e.getMessage());
        assertThrows(CommandFailedException.class, () -> select("1.0.0.1", "port", "0"));
    }

    private static SaSelection select(String... words) throws CommandFailedException {
        ArgumentSpec spec = SaSelection.options(ArgumentSpec.builder(), true).build();
        return SaSelection.of(spec.parse(List.of(words)));
    }

    private static String text(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printText(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static InetSocketAddress endpoint(String address, int port) {
        return new InetSocketAddress(ip(address), port);
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
