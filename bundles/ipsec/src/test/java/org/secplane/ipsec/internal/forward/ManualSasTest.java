package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.crypto.Algorithm;
import org.secplane.driver.simulator.internal.SimulatedNetwork;
import org.secplane.driver.simulator.internal.SimulatedTunnel;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * Manual SAs from the committed configuration (ipsec-srx.md §2.2, D-05, D-60): E8 as the guide prints it
 * installs an SA that shows but cannot send (no interface address); completed with an interface and an st0
 * binding, its packets are those an independent implementation makes with the configured keys (ASCII and
 * hexadecimal), both ways.
 */
class ManualSasTest {

    private static final String[] E8 = {
        "security ipsec vpn vpn-sunnyvale manual authentication algorithm hmac-md5-96 key ascii-text 1111111111111111",
        "security ipsec vpn vpn-sunnyvale manual encryption algorithm 3des-cbc key ascii-text 111111111111111111111111",
        "security ipsec vpn vpn-sunnyvale manual external-interface ge-0/0/14.0",
        "security ipsec vpn vpn-sunnyvale manual gateway 1212::1112",
        "security ipsec vpn vpn-sunnyvale manual protocol esp",
        "security ipsec vpn vpn-sunnyvale manual spi 12435"};

    @TempDir
    Path state;

    private final SimulatedNetwork wire = new SimulatedNetwork("manual");
    private Gateway gateway;
    private Peer peer;

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void e8AsPrintedInstallsAManualSaThatShowsButHasNothingToSendFrom() throws Exception {
        gateway = new Gateway(wire, "srx", state);
        gateway.commit(E8);
        SaPair pair = gateway.plane.pairs().get(0);
        assertEquals(ChildSa.Origin.MANUAL, pair.childSa().origin());
        assertTrue(pair.anyLocal());
        assertEquals(12435, pair.inbound().spi());
        assertEquals(12435, pair.outbound().spi());
        assertEquals(DataPlane.FIRST_MANUAL_TUNNEL_ID, pair.tunnelId());
        String detail = TwoRuntimesTest.text(IpsecReports.securityAssociations(gateway.plane.pairs(),
                new IpsecReports.Filter(0, null, true), true, gateway.plane.nanoTime()));
        assertEquals(String.join("\n",
                "  Virtual-system: root",
                "  Local Gateway: ::, Remote Gateway: 1212::1112",
                "  Local Identity: ipv6_subnet(any:0,[0..31]=::/0)",
                "  Remote Identity: ipv6_subnet(any:0,[0..31]=::/0)",
                "    DF-bit: clear",
                "    Direction: inbound, SPI: 3093, AUX-SPI: 0",
                "                              , VPN Monitoring: -",
                "    Hard lifetime: Unlimited",
                "    Lifesize Remaining:  Unlimited",
                "    Soft lifetime: Unlimited",
                "    Mode: Tunnel, Type: manual, State: installed",
                "    Protocol: ESP, Authentication: hmac-md5-96, Encryption: 3des-cbc",
                "    Anti-replay service: disabled, Replay window size: 0"), detail.substring(0,
                detail.indexOf("\n\n    Direction: outbound")));
        assertEquals(java.util.Map.of(), gateway.plane.manualErrors());
    }

    @Test
    void e8WithAnInterfaceAndABindingCarriesTrafficWithTheConfiguredKeys() throws Exception {
        gateway = new Gateway(wire, "srx", state);
        peer = new Peer(wire, "1212::1112/64");
        gateway.commit(E8);
        gateway.commit("interfaces ge-0/0/14 unit 0 family inet6 address 1212::1111/64",
                "interfaces st0 unit 0 family inet6 address 2001:db8:11::1/64",
                "security ipsec vpn vpn-sunnyvale bind-interface st0.0");
        SaPair pair = gateway.plane.pairs().get(0);
        assertEquals("1212:0:0:0:0:0:0:1111", pair.local().getHostAddress());
        byte[] tdes = "111111111111111111111111".getBytes(StandardCharsets.US_ASCII);
        byte[] md5 = "1111111111111111".getBytes(StandardCharsets.US_ASCII);
        roundTrip(Algorithm.TDES_CBC, tdes, Algorithm.HMAC_MD5_96, md5, 12435);

        gateway.commit("security ipsec vpn vpn-sunnyvale manual encryption algorithm aes-128-cbc key hexadecimal "
                        + "0x000102030405060708090a0b0c0d0e0f",
                "security ipsec vpn vpn-sunnyvale manual authentication algorithm hmac-sha-256-128 key hexadecimal "
                        + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
                "security ipsec vpn vpn-sunnyvale manual spi 300");
        roundTrip(Algorithm.AES_128_CBC, Packets.hex("000102030405060708090a0b0c0d0e0f"), Algorithm.HMAC_SHA2_256_128,
                Packets.hex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"), 300);
        assertEquals(List.of(DataPlane.FIRST_MANUAL_TUNNEL_ID), gateway.plane.pairs().stream().map(SaPair::tunnelId).toList(),
                "the VPN keeps its tunnel ID across changes");

        // clear security ipsec security-associations: a manual pair starts afresh from the configuration
        SaPair before = gateway.plane.pairs().get(0);
        gateway.plane.clearSecurityAssociation(before);
        SaPair after = gateway.plane.pairs().get(0);
        assertTrue(before != after && before.removed());
        assertEquals(before.tunnelId(), after.tunnelId());
        assertEquals(0, after.outbound().packets());
        roundTrip(Algorithm.AES_128_CBC, Packets.hex("000102030405060708090a0b0c0d0e0f"), Algorithm.HMAC_SHA2_256_128,
                Packets.hex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"), 300);
        assertEquals(1, after.outbound().sequence(), "sequence numbers start again at 1");
    }

    private void roundTrip(Algorithm cipher, byte[] cipherKey, Algorithm mac, byte[] macKey, long spi) throws Exception {
        SimulatedTunnel st0 = gateway.tunnel("st0.0");
        byte[] inner = Packets.ipv6("2001:db8:11::1", "2001:db8:22::1", 17, Packets.udp(1000, 2000, new byte[100]));
        st0.inject(inner);
        byte[] sent = peer.receive(50);
        assertEquals(spi, Bytes.u32(sent, 0));
        byte[] iv = Arrays.copyOfRange(sent, 8, 8 + cipher.ivSize());
        assertEquals(Packets.hex(ReferencePackets.bcEsp(cipher, cipherKey, mac, macKey, spi, Bytes.u32(sent, 4), iv, inner, 41)),
                Packets.hex(sent));
        byte[] reply = Packets.ipv6("2001:db8:22::1", "2001:db8:11::1", 17, Packets.udp(2000, 1000, new byte[50]));
        peer.send(50, ReferencePackets.bcEsp(cipher, cipherKey, mac, macKey, spi, 1, iv, reply, 41),
                Packets.address("1212::1111"));
        assertArrayEquals(reply, Peer.collect(st0));
    }
}
