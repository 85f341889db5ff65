package org.secplane.ipsec.internal.show;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.secplane.cli.Report;
import org.secplane.crypto.Algorithm;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.internal.forward.Packets;
import org.secplane.ipsec.internal.sad.SaPair;

/**
 * The output of {@code show security ipsec security-associations} and {@code statistics} against the
 * canonical samples of ipsec-srx.md §3.8 and §3.9 (E3 responder: {@code 131073 ESP:3des/sha1 a5224cd9},
 * NAT-T port 4500; the statistics sample of {@code index 5}), line for line, and their JSON.
 */
class IpsecReportsTest {

    private static final long INSTALLED = TimeUnit.SECONDS.toNanos(1000);

    private static SaPair pair(ChildSa sa) {
        return SaPair.of(sa, (p, hard) -> { }, INSTALLED, 0);
    }

    private static ChildSa.Builder e3Responder() {
        return ChildSa.builder()
                .tunnelId(131073)
                .vpn("vpn-responder")
                .origin(ChildSa.Origin.IKEV1)
                .endpoints(Packets.address("71.1.1.1"), Packets.address("1.0.0.1"))
                .udpEncapsulation(4500, 4500)
                .spis(0xa5224cd9L, 0x82a86a07L)
                .algorithms(Algorithm.TDES_CBC, Algorithm.HMAC_SHA1_96)
                .inboundKeys(new byte[24], new byte[20])
                .outboundKeys(new byte[24], new byte[20])
                .selectors(List.of(TrafficSelector.ofPrefix("0.0.0.0/0")), List.of(TrafficSelector.ofPrefix("0.0.0.0/0")))
                .lifetime(new Lifetime(3600, 3000, 0, 0))
                .replayWindow(64)
                .bindInterface("st0.1");
    }

    private static final IpsecReports.Filter ALL = new IpsecReports.Filter(0, null, true);

    @Test
    void theSummaryIsTheSamplesLayout() {
        String text = text(IpsecReports.securityAssociations(List.of(pair(e3Responder().build())), ALL, false, at(29)));
        assertEquals(String.join("\n",
                "  Total active tunnels: 1",
                "  ID      Algorithm       SPI       Life:sec/kb  Mon vsys Port  Gateway",
                "  <131073 ESP:3des/sha1   a5224cd9  3571/ unlim  -   root 4500  1.0.0.1",
                "  >131073 ESP:3des/sha1   82a86a07  3571/ unlim  -   root 4500  1.0.0.1", ""), text);
    }

    @Test
    void theDetailIsTheSamplesLayoutOneBlockPerDirection() {
        String text = text(IpsecReports.securityAssociations(List.of(pair(e3Responder().build())), ALL, true, at(77)));
        String direction = String.join("\n",
                "                              , VPN Monitoring: -",
                "    Hard lifetime: Expires in 3523 seconds",
                "    Lifesize Remaining:  Unlimited",
                "    Soft lifetime: Expires in 2923 seconds",
                "    Mode: Tunnel, Type: dynamic, State: installed",
                "    Protocol: ESP, Authentication: hmac-sha1-96, Encryption: 3des-cbc",
                "    Anti-replay service: counter-based enabled, Replay window size: 64");
        assertEquals(String.join("\n",
                "  Virtual-system: root",
                "  Local Gateway: 71.1.1.1, Remote Gateway: 1.0.0.1",
                "  Local Identity: ipv4_subnet(any:0,[0..7]=0.0.0.0/0)",
                "  Remote Identity: ipv4_subnet(any:0,[0..7]=0.0.0.0/0)",
                "  Version: IKEv1",
                "    DF-bit: clear",
                "    Direction: inbound, SPI: a5224cd9, AUX-SPI: 0",
                direction,
                "",
                "    Direction: outbound, SPI: 82a86a07, AUX-SPI: 0",
                direction, ""), text);
    }

    @Test
    void policyBasedIkev2AndVolumeLimitedSasShowTheirLines() {
        ChildSa sa = e3Responder().origin(ChildSa.Origin.IKEV2).policyName("vpn-tr-untr").bindInterface(null)
                .udpEncapsulation(0, 0).replayWindow(0).lifetime(new Lifetime(3600, 3000, 65536, 54613))
                .algorithms(Algorithm.AES_256_GCM_16, null).inboundKeys(new byte[36], null).outboundKeys(new byte[36], null)
                .selectors(List.of(TrafficSelector.ofPrefix("10.10.10.0/24")), List.of(TrafficSelector.ofPrefix("192.168.168.0/24")))
                .build();
        String text = text(IpsecReports.securityAssociations(List.of(pair(sa)), ALL, true, at(3000)));
        assertContains(text, "  Local Identity: ipv4_subnet(any:0,[0..7]=10.10.10.0/24)\n"
                + "  Remote Identity: ipv4_subnet(any:0,[0..7]=192.168.168.0/24)\n"
                + "  Version: IKEv2\n"
                + "    DF-bit: clear\n"
                + "    Policy-name: vpn-tr-untr\n");
        assertContains(text, "    Lifesize Remaining:  65536 kilobytes\n    Soft lifetime: Expired\n");
        assertContains(text, "    Protocol: ESP, Authentication: None, Encryption: aes-256-gcm\n"
                + "    Anti-replay service: disabled, Replay window size: 0");
        String summary = text(IpsecReports.securityAssociations(List.of(pair(sa)), ALL, false, at(3000)));
        assertContains(summary, "  <131073 ESP:aes-gcm-256/None a5224cd9  600/ 65536   -   root 500   1.0.0.1");
    }

    @Test
    void identitiesOfHostsRangesServicesAndIpv6() {
        assertEquals("ipv4(any:0,[0..3]=220.0.0.4)", IpsecReports.identity(List.of(TrafficSelector.ofPrefix("220.0.0.4/32")),
                Packets.address("1.1.1.1")));
        assertEquals("ipv4_subnet(tcp:80,[0..7]=10.0.0.0/8)", IpsecReports.identity(List.of(new TrafficSelector(
                Packets.address("10.0.0.0"), Packets.address("10.255.255.255"), 6, 80, 80)), Packets.address("1.1.1.1")));
        assertEquals("ipv4_range(any:0,[0..7]=10.0.0.1-10.0.0.9)", IpsecReports.identity(List.of(new TrafficSelector(
                Packets.address("10.0.0.1"), Packets.address("10.0.0.9"), 0, 0, 65535)), Packets.address("1.1.1.1")));
        assertEquals("ipv6_subnet(any:0,[0..31]=::/0)", IpsecReports.identity(List.of(), Packets.address("1212::1112")), "D-51");
        assertEquals("ipv6(any:0,[0..15]=2001:db8::1)", IpsecReports.identity(List.of(TrafficSelector.ofPrefix(
                "2001:db8::1/128")), Packets.address("1212::1112")));
    }

    @Test
    void ipv6AddressesAreCompressed() {
        assertEquals("1212::1112", Addresses.format(Packets.address("1212:0:0:0:0:0:0:1112")));
        assertEquals("::", Addresses.format(Packets.address("::")));
        assertEquals("2001:db8:0:1::1", Addresses.format(Packets.address("2001:db8:0:1:0:0:0:1")), "the longer run");
        assertEquals("2001:db8::1:0:0:1", Addresses.format(Packets.address("2001:db8:0:0:1:0:0:1")), "the first of equal runs");
        assertEquals("2001:db8:1:1:1:1:0:1", Addresses.format(Packets.address("2001:db8:1:1:1:1:0:1")), "one zero group stays");
        assertEquals("fe80::", Addresses.format(Packets.address("fe80::")));
    }

    @Test
    void familyIndexAndSrxFiltersSelect() {
        SaPair v4 = pair(e3Responder().build());
        SaPair v6 = pair(e3Responder().tunnelId(131074).endpoints(Packets.address("1212::1111"), Packets.address("1212::1112"))
                .selectors(List.of(), List.of()).spis(0x14caf1d9L, 0x9a4db486L).build());
        List<SaPair> both = List.of(v4, v6);
        assertContains(text(IpsecReports.securityAssociations(both, new IpsecReports.Filter(0, "inet6", true), false, at(3))),
                "  Total active tunnels: 1\n");
        assertContains(text(IpsecReports.securityAssociations(both, new IpsecReports.Filter(0, "inet6", true), false, at(3))),
                "  <131074 ESP:3des/sha1   14caf1d9  3597/ unlim  -   root 4500  1212::1112");
        assertContains(text(IpsecReports.securityAssociations(both, new IpsecReports.Filter(131074, null, true), true, at(3))),
                "  Local Gateway: 1212::1111, Remote Gateway: 1212::1112\n  Local Identity: ipv6_subnet(any:0,[0..31]=::/0)");
        assertEquals("  Total active tunnels: 0\n",
                text(IpsecReports.securityAssociations(both, new IpsecReports.Filter(0, null, false), false, at(3))),
                "fpc 6 selects nothing on the branch profile");
    }

    @Test
    void statisticsAreTable50WithTheSamplesAlignment() {
        SaPair pair = pair(e3Responder().build());
        count(pair.outbound(), 1246, 536408);
        count(pair.inbound(), 888, 696696);
        for (int i = 0; i < 3; i++) {
            pair.inbound().replayError();
        }
        pair.inbound().badTrailer();
        String text = text(IpsecReports.statistics(List.of(pair), new IpsecReports.Filter(5, null, true), null));
        assertEquals(String.join("\n",
                "  Virtual-system: Root",
                "  SA index: 5",
                "  ESP Statistics:",
                "    Encrypted bytes:                0",
                "    Decrypted bytes:                0",
                "    Encrypted packets:              0",
                "    Decrypted packets:              0",
                "  AH Statistics:",
                "    Input bytes:                    0",
                "    Output bytes:                   0",
                "    Input packets:                  0",
                "    Output packets:                 0",
                "  Errors:",
                "    AH authentication failures: 0, Replay errors: 0",
                "    ESP authentication failures: 0, ESP decryption failures: 0",
                "    Bad headers: 0, Bad trailers: 0", ""), text, "index 5 is another tunnel: nothing of this one");
        text = text(IpsecReports.statistics(List.of(pair), ALL, null));
        assertEquals(String.join("\n",
                "  Virtual-system: Root",
                "  ESP Statistics:",
                "    Encrypted bytes:           536408",
                "    Decrypted bytes:           696696",
                "    Encrypted packets:           1246",
                "    Decrypted packets:            888",
                "  AH Statistics:",
                "    Input bytes:                    0",
                "    Output bytes:                   0",
                "    Input packets:                  0",
                "    Output packets:                 0",
                "  Errors:",
                "    AH authentication failures: 0, Replay errors: 3",
                "    ESP authentication failures: 0, ESP decryption failures: 0",
                "    Bad headers: 0, Bad trailers: 1", ""), text);
        @SuppressWarnings("unchecked")
        Map<String, Object> esp = (Map<String, Object>) ((Map<String, Object>) IpsecReports.statistics(List.of(pair), ALL, null)
                .data()).get("esp-statistics");
        assertEquals(536408L, esp.get("encrypted-bytes"));

        pair.outbound().clearStatistics();
        pair.inbound().clearStatistics();
        assertContains(text(IpsecReports.statistics(List.of(pair), ALL, null)), "    Encrypted bytes:                0\n");
        pair.outbound().account(100);
        assertContains(text(IpsecReports.statistics(List.of(pair), ALL, null)), "    Encrypted bytes:              100\n");
    }

    @Test
    void theSummaryAsJson() {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) IpsecReports.securityAssociations(List.of(pair(e3Responder().build())),
                ALL, false, at(29)).data();
        assertEquals(1, data.get("total-active-tunnels"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) data.get("security-associations")).get(0);
        assertEquals(131073L, first.get("id"));
        assertEquals("ESP:3des/sha1", first.get("algorithm"));
        assertEquals(4500, first.get("port"));
        assertEquals("1.0.0.1", first.get("gateway"));
        @SuppressWarnings("unchecked")
        Map<String, Object> inbound = ((List<Map<String, Object>>) first.get("security-associations")).get(0);
        assertEquals(Map.of("direction", "inbound", "spi", "a5224cd9", "life-seconds", 3571L, "life-kilobytes", "unlim"), inbound);
    }

    private static void count(org.secplane.ipsec.internal.sad.SecurityAssociation sa, int packets, long bytes) {
        int each = (int) (bytes / packets);
        for (int i = 0; i < packets - 1; i++) {
            sa.account(each);
        }
        sa.account((int) (bytes - (long) each * (packets - 1)));
    }

    private static long at(long seconds) {
        return INSTALLED + TimeUnit.SECONDS.toNanos(seconds);
    }

    private static void assertContains(String text, String part) {
        if (!text.contains(part)) {
            assertEquals(part, text, "expected to contain");
        }
    }

    static String text(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printText(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
