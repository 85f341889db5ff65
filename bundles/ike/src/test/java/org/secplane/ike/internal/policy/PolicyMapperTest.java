package org.secplane.ike.internal.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secplane.config.ConfigView;
import org.secplane.ike.internal.testkit.ConfiguredDevice;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ipsec.ChildSa.DfBit;
import org.secplane.ipsec.TrafficSelector;

/**
 * The spec examples E1, E2, E3 (itests/src/test/resources/spec-examples/ipsec-srx) loaded into a real
 * configuration engine with the IKE and network schemas, committed, and mapped to the engine's policy.
 */
class PolicyMapperTest {

    private static final Path EXAMPLES = Path.of("../../itests/src/test/resources/spec-examples/ipsec-srx");

    @TempDir
    Path state;
    /** The device whose configuration was loaded last; earlier ones stay open until the test ends. */
    private ConfiguredDevice device;
    private final List<ConfiguredDevice> devices = new ArrayList<>();

    private ConfigView load(String... files) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String file : files) {
            texts.add(Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8));
        }
        return loadText(String.join("\n", texts));
    }

    @AfterEach
    void close() {
        devices.forEach(ConfiguredDevice::close);
    }

    /** A mapper opening secrets with the engine that holds the configuration loaded last. */
    private PolicyMapper mapper() {
        ConfiguredDevice holder = device;
        return new PolicyMapper(holder::revealSecret, host -> InetAddress.getByName(host));
    }

    private static String open(SecretSource s) {
        byte[] b = s.open();
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void e1RouteBasedIkev1VpnMapsButDoesNotNegotiateInThisIkev2Engine() throws Exception {
        ConfigView root = load("e01-route-based-vpn.set");
        PolicyMapper m = mapper();
        IkePolicy p = m.map(root);
        PeerConfig gw = p.gateways.get("gw-chicago");
        assertEquals(1, gw.version, "no version statement: v1-only (D-25), which this engine does not negotiate");
        assertEquals(List.of(InetAddress.getByName("2.2.2.2")), gw.addresses);
        assertEquals(InetAddress.getByName("1.1.1.2"), gw.localAddress, "the external interface's address");
        assertEquals("395psksecr3t", open(gw.preSharedKey), "the PSK opens through the configuration's revealSecret");
        IkeProposalSpec ike = gw.proposals.get(0);
        assertEquals(Algorithm.AES_128_CBC, ike.encryption);
        assertEquals(Algorithm.HMAC_SHA1_96, ike.integrity);
        assertEquals(Algorithm.PRF_HMAC_SHA1, ike.prf);
        assertEquals(Algorithm.MODP_1024, ike.dh);
        assertEquals(28800, ike.lifetimeSeconds, "D-15 default");
        VpnConfig vpn = p.vpns.get("ike-vpn-chicago");
        assertEquals("gw-chicago", vpn.gateway);
        assertEquals("st0.0", vpn.bindInterface);
        assertEquals(TrafficSelector.ofPrefix("0.0.0.0/0"), vpn.localSelector, "route-based default proxy ID (¶237)");
        assertEquals(TrafficSelector.ofPrefix("0.0.0.0/0"), vpn.remoteSelector);
        ChildProposalSpec esp = vpn.proposals.get(0);
        assertEquals(Ike.PROTO_ESP, esp.protocol);
        assertEquals(Algorithm.AES_128_CBC, esp.encryption);
        assertEquals(Algorithm.HMAC_SHA1_96, esp.integrity);
        assertEquals(Algorithm.MODP_1024, esp.pfs, "perfect-forward-secrecy keys group2");
        assertEquals(3600, esp.lifetimeSeconds);
        assertEquals(0, esp.lifetimeKilobytes);
        assertFalse(vpn.establishImmediately, "D-29 default on-traffic");
        assertEquals(64, vpn.replayWindow);
        assertEquals(DfBit.CLEAR, vpn.dfBit);
        assertTrue(m.problems().isEmpty(), m.problems().toString());
    }

    @Test
    void e2RouteBasedIkev2VpnMapsToAV2Gateway() throws Exception {
        ConfigView root = load("e02-route-based-vpn-ikev2.set");
        IkePolicy p = mapper().map(root);
        PeerConfig gw = p.gateways.get("gw-chicago");
        assertEquals(2, gw.version);
        assertNull(gw.localIdentity, "D-23: the external interface's address");
        assertNull(gw.remoteIdentity, "any");
        assertTrue(gw.natTraversal);
        assertEquals(5, gw.natKeepalive);
        assertFalse(gw.dpd);
        assertEquals(AuthMethod.PRE_SHARED_KEYS, gw.authMethod);
        VpnConfig vpn = p.vpns.get("ipsec-vpn-chicago");
        assertEquals(Algorithm.MODP_1024, vpn.proposals.get(0).pfs);
        assertEquals(p.vpnsOf("gw-chicago"), List.of(vpn));
    }

    @Test
    void e3BothSidesMapWithIdentitiesAndEstablishImmediately() throws Exception {
        ConfigView first = load("e03-responder-behind-nat-initiator.set");
        IkePolicy initiator = mapper().map(first);
        ConfigView second = load("e03-responder-behind-nat-responder.set");
        IkePolicy responder = mapper().map(second);
        PeerConfig i = initiator.gateways.get("gw1");
        PeerConfig r = responder.gateways.get("gw1");
        assertEquals(Identity.email("branch_natt1@juniper.net"), i.localIdentity);
        assertEquals(Identity.email("responder_natt1@juniper.net"), i.remoteIdentity);
        assertEquals(Identity.email("responder_natt1@juniper.net"), r.localIdentity);
        assertEquals(InetAddress.getByName("1.1.1.1"), i.addresses.get(0), "the responder's public (NAT) address");
        assertEquals(InetAddress.getByName("1.0.0.1"), i.localAddress);
        assertEquals(InetAddress.getByName("71.1.1.1"), r.localAddress, "the responder's private address");
        assertEquals("juniper", open(r.preSharedKey));
        assertEquals(Algorithm.TDES_CBC, i.proposals.get(0).encryption);
        VpnConfig vi = initiator.vpns.get("vpn1");
        assertTrue(vi.establishImmediately);
        assertNull(vi.proposals.get(0).pfs, "E3 clean: no PFS (Tables 19/23)");
        assertEquals("st0.1", vi.bindInterface);
    }

    /** E3 with {@code version v2-only} on both gateways: the mapped configurations bring the tunnel up through the NAT. */
    @Test
    void e3AsIkev2BringsTheTunnelUpThroughTheStaticNatOnItsOwn() throws Exception {
        String v2 = "set security ike gateway gw1 version v2-only\n";
        ConfigView first = loadText(Files.readString(EXAMPLES.resolve("e03-responder-behind-nat-initiator.set")) + v2);
        IkePolicy initiator = mapper().map(first);
        ConfigView second = loadText(Files.readString(EXAMPLES.resolve("e03-responder-behind-nat-responder.set")) + v2);
        IkePolicy responder = mapper().map(second);
        try (org.secplane.ike.internal.testkit.Peers p = new org.secplane.ike.internal.testkit.Peers(301)) {
            p.wire.attach(InetAddress.getByName("1.0.0.1"), p.alice);
            p.wire.attach(InetAddress.getByName("71.1.1.1"), p.bob);
            p.wire.staticNat(InetAddress.getByName("1.1.1.1"), InetAddress.getByName("71.1.1.1"));
            p.bob.apply(responder);
            p.alice.apply(initiator);
            p.wire.deliverAll();
            // the responder has establish-tunnels immediately too: whichever came second is resolved (duplicates)
            var a = p.aliceIke();
            var b = p.bobIke();
            assertEquals(1, a.size(), a.toString());
            assertEquals(1, b.size());
            assertEquals("UP", a.get(0).state());
            assertEquals("responder_natt1@juniper.net", a.get(0).peerIkeId());
            assertEquals("branch_natt1@juniper.net", b.get(0).peerIkeId());
            assertTrue(a.get(0).remoteBehindNat() || a.get(0).localBehindNat());
            assertEquals(4500, a.get(0).local().getPort(), "NAT-T selected automatically (E3)");
            assertEquals("3des-cbc", a.get(0).encryption());
            assertEquals("hmac-sha1-96", a.get(0).integrity());
            assertEquals("hmac-sha1", a.get(0).prf());
            var children = p.aliceChildren();
            assertEquals(1, children.size());
            assertEquals("ipv4_subnet(any:0,[0..7]=0.0.0.0/0)", children.get(0).localIdentity());
            assertEquals("ESP:3des/sha1", children.get(0).summaryAlgorithm());
            assertEquals(4500, children.get(0).port());
            assertEquals("1.1.1.1", children.get(0).remoteGateway().getHostAddress());
            assertEquals(1, p.bobChildren().size());
            assertEquals("1.0.0.1", p.bobChildren().get(0).remoteGateway().getHostAddress());
        }
    }

    private ConfigView loadText(String text) throws Exception {
        device = new ConfiguredDevice(Files.createTempDirectory(state, "e"));
        devices.add(device);
        return device.commit(text);
    }

    @Test
    void ipsecOptionsMapAsConfigured() throws Exception {
        Path file = state.resolve("extra.set");
        String text = String.join("\n",
                "set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24",
                "set security zones security-zone untrust interfaces ge-0/0/0.0",
                "set security zones security-zone untrust host-inbound-traffic system-services ike",
                "set security ike proposal p authentication-method pre-shared-keys",
                "set security ike proposal p dh-group group19",
                "set security ike proposal p authentication-algorithm sha-256",
                "set security ike proposal p encryption-algorithm aes-256-gcm",
                "set security ike proposal p lifetime-seconds 3600",
                "set security ike policy pol proposals p",
                "set security ike policy pol pre-shared-key hexadecimal 0x73656372657421",
                "set security ike gateway gw ike-policy pol",
                "set security ike gateway gw address 198.51.100.7",
                "set security ike gateway gw address 198.51.100.8",
                "set security ike gateway gw external-interface ge-0/0/0.0",
                "set security ike gateway gw version v2-only",
                "set security ike gateway gw dead-peer-detection always-send",
                "set security ike gateway gw dead-peer-detection interval 20",
                "set security ike gateway gw nat-keepalive 15",
                "set security ike gateway gw remote-identity hostname peer.example.test",
                "set security ipsec proposal e encryption-algorithm aes-256-gcm",
                "set security ipsec proposal e lifetime-seconds 1800",
                "set security ipsec proposal e lifetime-kilobytes 100000",
                "set security ipsec policy ip proposal-set standard",
                "set security ipsec policy ip perfect-forward-secrecy keys group14",
                "set security ipsec policy ip2 proposals e",
                "set security ipsec vpn v ike gateway gw",
                "set security ipsec vpn v ike ipsec-policy ip",
                "set security ipsec vpn v ike proxy-identity local 10.1.0.0/16",
                "set security ipsec vpn v ike proxy-identity remote 10.2.0.0/16",
                "set security ipsec vpn v ike proxy-identity service junos-http",
                "set security ipsec vpn v ike no-anti-replay",
                "set security ipsec vpn v df-bit copy",
                "set security ipsec vpn v bind-interface st0.0",
                "set interfaces st0 unit 0 family inet",
                "set security ipsec vpn v2 ike gateway gw",
                "set security ipsec vpn v2 ike ipsec-policy ip2",
                "set security ipsec vpn v2 bind-interface st0.0",
                "set security ipsec vpn v2 establish-tunnels immediately");
        Files.writeString(file, text);
        ConfigView active = loadText(text);
        IkePolicy p = mapper().map(active);
        PeerConfig gw = p.gateways.get("gw");
        assertArrayEquals("secret!".getBytes(StandardCharsets.US_ASCII), gw.preSharedKey.open(), "hexadecimal PSK");
        assertEquals(2, gw.addresses.size(), "primary and backup (D-27)");
        assertTrue(gw.dpd);
        assertEquals(20, gw.dpdInterval);
        assertTrue(gw.dpdAlwaysSend);
        assertEquals(5, gw.dpdThreshold, "IKEv2: fixed at 5");
        assertEquals(15, gw.natKeepalive);
        assertEquals(Identity.fqdn("peer.example.test"), gw.remoteIdentity);
        assertEquals(Algorithm.AES_256_GCM_16, gw.proposals.get(0).encryption);
        assertNull(gw.proposals.get(0).integrity, "no integrity with AES-GCM; sha-256 is the PRF");
        assertEquals(Algorithm.PRF_HMAC_SHA2_256, gw.proposals.get(0).prf);
        assertEquals(3600, gw.proposals.get(0).lifetimeSeconds);
        VpnConfig v = p.vpns.get("v");
        assertEquals(2, v.proposals.size(), "proposal-set standard");
        assertEquals(Algorithm.TDES_CBC, v.proposals.get(0).encryption);
        assertEquals(Algorithm.MODP_2048, v.proposals.get(0).pfs, "the policy's PFS overrides the set's group 2 (D-07)");
        assertEquals(0, v.replayWindow, "no-anti-replay");
        assertEquals(DfBit.COPY, v.dfBit);
        assertEquals(6, v.remoteSelector.protocol());
        assertEquals(80, v.remoteSelector.startPort());
        assertEquals(0, v.localSelector.startPort());
        VpnConfig v2 = p.vpns.get("v2");
        assertTrue(v2.establishImmediately);
        assertEquals(1800, v2.proposals.get(0).lifetimeSeconds);
        assertEquals(100000, v2.proposals.get(0).lifetimeKilobytes);
        assertEquals(Algorithm.AES_256_GCM_16, v2.proposals.get(0).encryption);
        assertNull(v2.proposals.get(0).pfs);
    }

    @Test
    void predefinedIkeProposalSetsHaveTheirProposalsInOrder() {
        assertEquals(List.of("pre-g2-aes128-sha", "pre-g2-3des-sha"), PolicyMapper.predefinedIke("standard"));
        IkeProposalSpec s = PolicyMapper.predefinedIkeProposal("pre-g1-des-md5");
        assertEquals(Algorithm.DES_CBC, s.encryption);
        assertEquals(Algorithm.MODP_768, s.dh);
        assertEquals(Algorithm.PRF_HMAC_MD5, s.prf);
        assertEquals(4, PolicyMapper.predefinedIpsec("compatible").size());
        assertNull(PolicyMapper.predefinedIpsec("basic").get(0).pfs);
        assertEquals(Algorithm.MODP_1024, PolicyMapper.predefinedIpsec("standard").get(1).pfs);
    }
}
