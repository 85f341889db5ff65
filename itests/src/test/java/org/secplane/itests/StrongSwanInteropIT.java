package org.secplane.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * IKEv2 interop of the real distribution (linux device family, in a network namespace) with a real strongSwan
 * 5.9.8 charon (kernel-libipsec, in a namespace of its own), everything driven as an engineer would: the Junos
 * configuration through {@code bin/client -b}, strongSwan through {@code swanctl}.
 *
 * <pre>
 *  secplane (S)  ge-0/0/0 10.66.2.1 ──────────────────────────── 10.66.2.2 / 10.66.2.3  strongSwan (W)
 *                ge-0/0/1 10.66.1.1 ── 10.66.1.254 NAT (N) 10.66.3.254 ── 10.66.3.2
 * </pre>
 *
 * Covered: secplane as initiator (ECP-256, X25519) and as responder (MODP-2048); the IKE and CHILD SAs (SPIs,
 * algorithms, lifetimes, traffic selectors) agree between {@code swanctl --list-sas} and
 * {@code show security ike security-associations detail | display json}; IKE and CHILD rekeys started by
 * strongSwan and, at the soft lifetime of a 180-second SA, by secplane (that SA is brought up first and checked
 * last, so the wait overlaps the other tests); strongSwan's cookie challenge (its {@code cookie_threshold} is 1
 * and a half-open IKE SA is left on it); NAT traversal through a masquerading NAT with keepalives; dead peer
 * detection; a wrong pre-shared key shown with its reason and logged without the key; clear. Certificates (CAs made
 * with openssl, loaded through the PKI commands): RSA with secplane as initiator (RFC 7427 signatures, CERT and
 * CERTREQ, the IKE_AUTH fragmented per RFC 7383), ECDSA with secplane as responder, and a certificate of a CA the
 * gateway does not trust rejected with its reason. Needs root, {@code ip netns}, nftables, python3, openssl and
 * strongSwan (installed by {@code itests/install-test-prerequisites}); skipped without root.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class StrongSwanInteropIT {

    private static final String PREFIX = "ike-it-";
    private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)-[snw]");
    private static final String PSK = "interop-test-psk-0123456789";
    private static final String WRONG_PSK = "not-the-interop-psk-9876";

    private static String s;
    private static String n;
    private static String w;
    private static RunningDistribution secplane;
    private static StrongSwanPeer strongswan;
    private static final Map<String, String> INITIAL = new java.util.HashMap<>();

    // ================================================================================== set up

    @BeforeClass
    public static void startBothPeers() throws Exception {
        Assume.assumeTrue("needs root (ip netns)", "root".equals(System.getProperty("user.name")));
        Assume.assumeTrue("needs /dev/net/tun", Files.exists(Path.of("/dev/net/tun")));
        assertTrue("strongSwan is installed (itests/install-test-prerequisites)", StrongSwanPeer.installed());
        removeStaleNamespaces();
        String base = PREFIX + ProcessHandle.current().pid();
        s = base + "-s";
        n = base + "-n";
        w = base + "-w";
        for (String ns : List.of(s, n, w)) {
            Commands.must("ip", "netns", "add", ns);
            Commands.must("ip", "-n", ns, "link", "set", "lo", "up");
        }
        link(s, "ikb", "10.66.2.1/24", w, "ikb", "10.66.2.2/24");
        Commands.must("ip", "-n", w, "addr", "add", "10.66.2.3/24", "dev", "ikb");
        link(s, "ikn", "10.66.1.1/24", n, "iks", "10.66.1.254/24");
        link(n, "ikw", "10.66.3.254/24", w, "ikn", "10.66.3.2/24");
        Commands.must("ip", "-n", s, "route", "add", "10.66.3.0/24", "via", "10.66.1.254");
        Commands.must("ip", "netns", "exec", n, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        Commands.mustWithInput(String.join("\n",
                "table ip ike-it {",
                "  chain postrouting {",
                "    type nat hook postrouting priority srcnat; policy accept;",
                "    oifname \"ikw\" masquerade",
                "  }",
                "  chain forward {",
                "    type filter hook forward priority filter; policy accept;",
                "    iifname \"iks\" udp dport 4500 udp length 9 counter",
                "  }",
                "}", ""), "ip", "netns", "exec", n, "nft", "-f", "-");
        // kernel-libipsec wants an address of strongSwan's own inside each local traffic selector; before charon starts
        for (String inner : List.of("192.168.47.1/32", "192.168.57.1/32", "192.168.67.1/32", "192.168.77.1/32",
                "192.168.87.1/32", "192.168.97.1/32")) {
            Commands.must("ip", "-n", w, "addr", "add", inner, "dev", "lo");
        }
        strongswan = new StrongSwanPeer(w, Paths.get("target/ike-interop-strongswan"));
        Files.deleteIfExists(strongswan.log());
        makeCertificates();
        strongswan.settings("  cookie_threshold = 1").connections(SWANCTL_CONF);
        strongswan.start();
        secplane = RunningDistribution.start(Paths.get("target/dist-ike-interop"), Map.of(),
                RunningDistribution.Platform.linux(s, Map.of("interface-map", "ge-0/0/0:ikb, ge-0/0/1:ikn")));
        commit(BASE);
        awaitBoth("gw-life", "life");
        Map<String, Object> life = ourSa("gw-life");
        INITIAL.put("life-ike", (String) life.get("ike-sa-initiator-cookie"));
        INITIAL.put("life-child", (String) Json.at(life, "ipsec-sa-pair", 0, "inbound-spi"));
    }

    @AfterClass
    public static void stopAndRemoveTheNamespaces() throws Exception {
        try {
            if (secplane != null) {
                secplane.close();
            }
        } finally {
            try {
                if (strongswan != null) {
                    strongswan.close();
                }
            } finally {
                for (String ns : new String[] {s, n, w}) {
                    if (ns != null) {
                        Commands.exec(List.of("ip", "netns", "del", ns), null);
                    }
                }
            }
        }
    }

    // ================================================================================== tests

    @Test
    public void a_secplaneInitiatesWithEcp256AndTheSasAgreeWithSwanctl() throws Exception {
        long livenessBefore = count(strongswan.log(), "parsed INFORMATIONAL request", "[ ]");
        commit(gateway("gw-ecp", "10.66.2.2", "ge-0/0/0.0", "ecp256", "left")
                + "set security ike gateway gw-ecp dead-peer-detection always-send\n"
                + "set security ike gateway gw-ecp dead-peer-detection interval 1\n"
                + vpn("vpn-ecp", "gw-ecp", "esp-cbc", "192.168.66.0/24", "192.168.67.0/24", true));
        awaitBoth("gw-ecp", "resp");
        Map<String, Object> ours = ourSa("gw-ecp");
        assertEquals("Initiator", ours.get("ike-sa-role"));
        assertAgree(ours, theirSa("resp", ours), "group19", "ECP_256");
        assertEquals("10.66.2.1", theirSa("resp", ours).get("remote-host"));
        String active = secplane.batch("show security ike active-peer\n");
        assertTrue(active, active.contains("10.66.2.2         4500    right@example.test"));
        // D-19 always-send: an empty INFORMATIONAL (IKEv2 liveness) every second while nothing comes from the peer
        await("dead peer detection requests answered by strongSwan",
                () -> count(strongswan.log(), "parsed INFORMATIONAL request", "[ ]") >= livenessBefore + 2);
        assertEquals("the liveness checks were answered: still the same SA", ours.get("ike-sa-initiator-cookie"),
                ourSa("gw-ecp").get("ike-sa-initiator-cookie"));
        remove("gw-ecp", "vpn-ecp", "resp");
    }

    @Test
    public void b_strongSwanInitiatesWithModp2048SecplaneRespondsAndStrongSwanRekeysChildAndIke() throws Exception {
        commit(gateway("gw-sw", "10.66.2.3", "ge-0/0/0.0", "modp2048", "left") + vpn("vpn-sw", "gw-sw", "esp-cbc", "192.168.96.0/24",
                "192.168.97.0/24", false));
        String initiated = strongswan.swanctl("--initiate", "--child", "init", "--timeout", "20");
        assertTrue(initiated, initiated.contains("initiate completed successfully"));
        awaitBoth("gw-sw", "init");
        Map<String, Object> ours = ourSa("gw-sw");
        assertEquals("Responder", ours.get("ike-sa-role"));
        assertAgree(ours, theirSa("init", ours), "group14", "MODP_2048");

        // strongSwan rekeys the CHILD SA, then the IKE SA
        Map<String, Object> before = ours;
        String oldChild = (String) Json.at(before, "ipsec-sa-pair", 0, "inbound-spi");
        String rekeyed = strongswan.swanctl("--rekey", "--child", "init");
        assertTrue(rekeyed, rekeyed.contains("rekey completed successfully"));
        await("a new CHILD SA on both sides", () -> {
            Map<String, Object> current = ourSa("gw-sw");
            return current != null && pairs(current).size() == 1
                    && !oldChild.equals(Json.at(current, "ipsec-sa-pair", 0, "inbound-spi"))
                    && installedChildren(theirSa("init", current)).size() == 1;
        });
        String oldIke = (String) before.get("ike-sa-initiator-cookie");
        rekeyed = strongswan.swanctl("--rekey", "--ike", "init");
        assertTrue(rekeyed, rekeyed.contains("rekey completed successfully"));
        await("a new IKE SA on both sides, the old one gone", () -> {
            List<Map<String, Object>> current = ourSas("gw-sw");
            return current.size() == 1 && !oldIke.equals(current.get(0).get("ike-sa-initiator-cookie"))
                    && theirSa("init", current.get(0)) != null;
        });
        Map<String, Object> after = ourSa("gw-sw");
        assertEquals("the CHILD SA moved to the new IKE SA", 1, pairs(after).size());
        assertAgree(after, theirSa("init", after), "group14", "MODP_2048");
        remove("gw-sw", "vpn-sw", "init");
    }

    @Test
    public void d_secplaneInitiatesWithX25519() throws Exception {
        commit(gateway("gw-x25519", "10.66.2.2", "ge-0/0/0.0", "x25519", "left") + vpn("vpn-x25519", "gw-x25519", "esp-cbc",
                "192.168.66.0/24", "192.168.67.0/24", true));
        awaitBoth("gw-x25519", "resp");
        Map<String, Object> ours = ourSa("gw-x25519");
        assertAgree(ours, theirSa("resp", ours), "group31", "CURVE_25519");
        remove("gw-x25519", "vpn-x25519", "resp");
    }

    @Test
    public void e_secplaneAnswersStrongSwansCookieChallenge() throws Exception {
        // strongSwan asks for cookies while it has one half-open IKE SA (cookie_threshold = 1): leave it one
        Path script = Paths.get("src/test/resources/ike/half-open-ike-sa-init.py").toAbsolutePath();
        String sent = Commands.must("ip", "netns", "exec", s, "python3", script.toString(), "10.66.2.2");
        assertTrue(sent, sent.contains("bytes answered with an SA payload"));
        long cookiesBefore = count(strongswan.log(), "sending COOKIE notify");
        commit(gateway("gw-cookie", "10.66.2.2", "ge-0/0/0.0", "ecp256", "left") + vpn("vpn-cookie", "gw-cookie", "esp-cbc",
                "192.168.66.0/24", "192.168.67.0/24", true));
        awaitBoth("gw-cookie", "resp");
        assertTrue("strongSwan challenged with a cookie", count(strongswan.log(), "sending COOKIE notify") > cookiesBefore);
        assertTrue("and secplane's IKE_SA_INIT came back with it",
                Files.readString(strongswan.log()).contains("parsed IKE_SA_INIT request 0 [ N(COOKIE) SA KE No"));
        assertTrue(secplane.logTail(), Files.readString(karafLog()).contains("the responder asks for a cookie"));
        Map<String, Object> ours = ourSa("gw-cookie");
        assertAgree(ours, theirSa("resp", ours), "group19", "ECP_256");
        remove("gw-cookie", "vpn-cookie", "resp");
    }

    @Test
    public void f_natTraversalThroughAMasqueradingNatWithKeepalives() throws Exception {
        commit(gateway("gw-nat", "10.66.3.2", "ge-0/0/1.0", "ecp256", "left")
                + "set security ike gateway gw-nat nat-keepalive 1\n"
                + vpn("vpn-nat", "gw-nat", "esp-cbc", "192.168.76.0/24", "192.168.77.0/24", true));
        awaitBoth("gw-nat", "natted");
        Map<String, Object> ours = ourSa("gw-nat");
        Map<?, ?> theirs = theirSa("natted", ours);
        assertEquals("strongSwan sees the NAT's address", "10.66.3.254", theirs.get("remote-host"));
        assertEquals(true, ours.get("ike-sa-nat-local"));
        assertEquals(4500L, ours.get("ike-sa-local-port"));
        assertEquals(4500L, ours.get("ike-sa-remote-port"));
        assertAgree(ours, theirs, "group19", "ECP_256");
        long before = keepalivesThroughTheNat();
        Thread.sleep(3500);
        long sent = keepalivesThroughTheNat() - before;
        assertTrue("NAT keepalives every second from the side behind the NAT: " + sent, sent >= 2 && sent <= 5);
        remove("gw-nat", "vpn-nat", "natted");
    }

    @Test
    public void g_aWrongPreSharedKeyIsRejectedWithItsReasonAndTheKeyIsNeverLogged() throws Exception {
        commit(gateway("gw-sw", "10.66.2.3", "ge-0/0/0.0", "wrong-psk", "left") + vpn("vpn-sw", "gw-sw", "esp-cbc", "192.168.96.0/24",
                "192.168.97.0/24", false));
        String initiated = strongswan.swanctl("--initiate", "--child", "init", "--timeout", "20");
        assertFalse(initiated, initiated.contains("initiate completed successfully"));
        String statistics = secplane.batch("show security ike statistics\n");
        assertTrue(statistics, statistics.contains("gw-sw (10.66.2.3), "));
        assertTrue(statistics, statistics.contains("pre-shared key mismatch: the AUTH payload of peer 10.66.2.3 "
                + "(right@example.test) does not verify"));
        String log = Files.readString(karafLog());
        assertTrue(log, log.contains("pre-shared key mismatch: the AUTH payload of peer 10.66.2.3"));
        assertFalse("no secret in the log", log.contains(PSK) || log.contains(WRONG_PSK));
        assertTrue("no IKE SA", ourSas("gw-sw").isEmpty());
        remove("gw-sw", "vpn-sw", "init");
    }

    @Test
    public void h_clearDeletesTheIkeSaOnBothSides() throws Exception {
        commit(gateway("gw-clear", "10.66.2.2", "ge-0/0/0.0", "ecp256", "left") + vpn("vpn-clear", "gw-clear", "esp-cbc",
                "192.168.66.0/24", "192.168.67.0/24", false));
        commit("set security ipsec vpn vpn-clear establish-tunnels immediately\n");
        awaitBoth("gw-clear", "resp");
        String index = String.valueOf(ourSa("gw-clear").get("ike-sa-index"));
        assertEquals("", secplane.batch("clear security ike security-associations index " + index + "\n").trim());
        await("the SA deleted on strongSwan too, and brought up again (establish-tunnels immediately)", () -> {
            Map<String, Object> now = ourSa("gw-clear");
            Map<?, ?> theirs = theirSa("resp", now);
            return now != null && !index.equals(String.valueOf(now.get("ike-sa-index"))) && theirs != null
                    && now.get("ike-sa-initiator-cookie").equals(theirs.get("initiator-spi"));
        });
        remove("gw-clear", "vpn-clear", "resp");
    }

    @Test
    public void i_secplaneInitiatesWithRsaCertificatesFragmentedAndRfc7427Signed() throws Exception {
        loadCertificatesIntoSecplane();
        long fragmentsBefore = count(strongswan.log(), "reassembled fragmented IKE message");
        commit(gateway("gw-rsa", "10.66.2.2", "ge-0/0/0.0", "rsa-sig", "hostname sp-rsa.example.test",
                "hostname sw-rsa.example.test")
                + vpn("vpn-rsa", "gw-rsa", "esp-cbc", "192.168.56.0/24", "192.168.57.0/24", true));
        awaitBoth("gw-rsa", "cert-rsa");
        Map<String, Object> ours = ourSa("gw-rsa");
        assertAgree(ours, theirSa("cert-rsa", ours), "group14", "MODP_2048");
        assertEquals("RSA-signatures", ours.get("ike-sa-authentication-method"));
        String log = Files.readString(strongswan.log());
        // RFC 7427 (AUTH method 14) with PKCS#1 v1.5 SHA-256 both ways; the certificates went as CERT payloads
        // after a CERTREQ each way; secplane's IKE_AUTH with an RSA-2048 certificate is over 1280 bytes: fragmented
        assertTrue(log, log.contains("authentication of 'sp-rsa.example.test' with RSA_EMSA_PKCS1_SHA2_256 successful"));
        assertTrue(log, log.contains("authentication of 'sw-rsa.example.test' (myself) with RSA_EMSA_PKCS1_SHA2_256 successful"));
        // the subject as secplane's certificate request wrote it (RDNs in the order given), signed as is by openssl
        assertTrue(log, log.contains("received end entity cert \"CN=sp-rsa.example.test, O=secplane interop, C=US\""));
        assertTrue(log, Pattern.compile("parsed IKE_AUTH request 1 \\[ IDi CERT N\\(INIT_CONTACT\\) CERTREQ IDr AUTH")
                .matcher(log).find());
        assertTrue(log, count(strongswan.log(), "reassembled fragmented IKE message") > fragmentsBefore);
        remove("gw-rsa", "vpn-rsa", "cert-rsa");
    }

    @Test
    public void j_strongSwanInitiatesWithEcdsaCertificatesSecplaneResponds() throws Exception {
        String initiated = strongSwanInitiatesToTheEcdsaGateway("sw-ec.example.test", "cert-ec");
        assertTrue(initiated + secplane.logTail(), initiated.contains("initiate completed successfully"));
        awaitBoth("gw-ec", "cert-ec");
        Map<String, Object> ours = ourSa("gw-ec");
        assertEquals("Responder", ours.get("ike-sa-role"));
        assertAgree(ours, theirSa("cert-ec", ours), "group19", "ECP_256");
        assertEquals("ECDSA-signatures-256", ours.get("ike-sa-authentication-method"));
        String log = Files.readString(strongswan.log());
        assertTrue(log, log.contains("authentication of 'sp-ec.example.test' with ECDSA_WITH_SHA256_DER successful"));
        assertTrue(log, log.contains("received end entity cert \"C=US, O=secplane interop, CN=sp-ec.example.test\""));
        remove("gw-ec", "vpn-ec", "cert-ec");
    }

    @Test
    public void k_aPeerCertificateFromAnUntrustedCaIsRejectedWithItsReason() throws Exception {
        // the ECDSA gateway trusts only the EC CA profile; strongSwan presents its RSA certificate (RSA CA)
        String initiated = strongSwanInitiatesToTheEcdsaGateway("sw-rsa.example.test", "cert-untrusted");
        assertFalse(initiated, initiated.contains("initiate completed successfully"));
        String statistics = secplane.batch("show security ike statistics\n");
        assertTrue(statistics, statistics.contains("gw-ec (10.66.2.3), "));
        String reason = "peer certificate CN=sw-rsa.example.test,O=secplane interop,C=US rejected: ";
        assertTrue(statistics, statistics.contains(reason));
        assertTrue(secplane.logTail(), Files.readString(karafLog()).contains(reason));
        assertTrue("no IKE SA", ourSas("gw-ec").isEmpty());
        remove("gw-ec", "vpn-ec", "cert-untrusted");
    }

    /** Gateway gw-ec (ECDSA, trusting the EC CA profile) for strongSwan's {@code remoteId}; strongSwan initiates. */
    private static String strongSwanInitiatesToTheEcdsaGateway(String remoteId, String connection) throws Exception {
        loadCertificatesIntoSecplane();
        commit(gateway("gw-ec", "10.66.2.3", "ge-0/0/0.0", "ec-sig", "hostname sp-ec.example.test", "hostname " + remoteId)
                + vpn("vpn-ec", "gw-ec", "esp-cbc", "192.168.46.0/24", "192.168.47.0/24", false));
        return strongswan.swanctl("--initiate", "--child", connection, "--timeout", "20");
    }

    @Test
    public void z_secplaneRekeysIkeAndChildAtTheSoftLifetimeOfA180SecondSa() throws Exception {
        // D-14: soft = hard - min(600 s, hard/6) +- 5 %, so about 150 s after the SA came up in startBothPeers
        await("secplane rekeyed the IKE SA and the CHILD SA of gw-life", 200, () -> {
            Map<String, Object> ours = ourSa("gw-life");
            Map<?, ?> theirs = theirSa("life", ours);
            return ours != null && theirs != null && !INITIAL.get("life-ike").equals(ours.get("ike-sa-initiator-cookie"))
                    && pairs(ours).size() == 1 && !INITIAL.get("life-child").equals(Json.at(ours, "ipsec-sa-pair", 0, "inbound-spi"))
                    && ours.get("ike-sa-initiator-cookie").equals(theirs.get("initiator-spi"))
                    && installedChildren(theirs).size() == 1 && ourSas("gw-life").size() == 1;
        });
        Map<String, Object> ours = ourSa("gw-life");
        assertEquals("the rekey's initiator", "Initiator", ours.get("ike-sa-role"));
        assertEquals("PFS at the CHILD rekey", "group19", Json.at(ours, "ipsec-sa-pair", 0, "pfs-group"));
        assertAgree(ours, theirSa("life", ours), "group19", "ECP_256");
    }

    // ================================================================================== certificates

    private static OpensslCa rsaCa;
    private static OpensslCa ecCa;
    private static boolean certificatesLoaded;

    /**
     * Two CAs made with openssl (RSA-2048 and EC P-256), and strongSwan's certificates from them, in its swanctl
     * directory before it starts. A third key and certificate for {@code sw-rsa.example.test}, of the RSA CA, lets
     * a test present a certificate secplane's ECDSA gateway does not trust.
     */
    private static void makeCertificates() throws Exception {
        Path dir = Paths.get("target/ike-interop-pki").toAbsolutePath();
        rsaCa = new OpensslCa(dir, "rsa-ca", "rsa");
        ecCa = new OpensslCa(dir, "ec-ca", "ec");
        Path swanctl = strongswan.dir().resolve("swanctl");
        for (OpensslCa ca : List.of(rsaCa, ecCa)) {
            Files.copy(ca.certificate(), swanctl.resolve("x509ca").resolve(ca.certificate().getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        for (String[] own : new String[][] {{"sw-rsa", "rsa"}, {"sw-ec", "ec"}}) {
            OpensslCa ca = own[1].equals("rsa") ? rsaCa : ecCa;
            Path certificate = ca.issue(own[0], own[1], own[0] + ".example.test");
            Files.copy(certificate, swanctl.resolve("x509").resolve(own[0] + ".pem"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(ca.key(own[0]), swanctl.resolve("pkcs8").resolve(own[0] + ".key"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * secplane gets its certificates as an engineer would give them: CA profiles committed, the CA certificates
     * loaded into them (fingerprint confirmed), an RSA key pair generated on the device with a request the openssl
     * CA signs, and an ECDSA key and certificate made elsewhere, loaded together. Once per run.
     */
    private static void loadCertificatesIntoSecplane() throws Exception {
        if (certificatesLoaded) {
            return;
        }
        commit("set security pki ca-profile EC-CA ca-identity ec-ca\nset security pki ca-profile RSA-CA ca-identity rsa-ca\n");
        for (String[] profile : new String[][] {{"RSA-CA", rsaCa.certificate().toString()}, {"EC-CA", ecCa.certificate().toString()}}) {
            String loaded = "";
            for (int attempt = 0; attempt < 20 && !loaded.contains("loaded successfully"); attempt++) {
                if (attempt > 0) {
                    Thread.sleep(250); // the CA profile component follows the commit through Config Admin
                }
                loaded = secplane.batch("request security pki ca-certificate load ca-profile " + profile[0] + " filename "
                        + profile[1] + "\nyes\n");
            }
            assertTrue(loaded, loaded.contains("CA certificate for profile " + profile[0] + " loaded successfully"));
        }
        Path request = rsaCa.certificate().resolveSibling("sp-rsa.csr");
        String generated = secplane.batch("request security pki generate-key-pair certificate-id sp-rsa size 2048\n"
                + "request security pki generate-certificate-request certificate-id sp-rsa subject "
                + "\"CN=sp-rsa.example.test,O=secplane interop,C=US\" domain-name sp-rsa.example.test digest sha256 filename "
                + request + "\n");
        assertTrue(generated, generated.contains("Generated certificate request"));
        Path rsa = rsaCa.sign(request, "sp-rsa");
        Path ec = ecCa.issue("sp-ec", "ec", "sp-ec.example.test");
        String loaded = secplane.batch("request security pki local-certificate load certificate-id sp-rsa filename " + rsa + "\n"
                + "request security pki local-certificate load certificate-id sp-ec filename " + ec + " key " + ecCa.key("sp-ec")
                + "\n");
        assertEquals(loaded, 2, loaded.split("Local certificate loaded successfully", -1).length - 1);
        certificatesLoaded = true;
    }

    // ================================================================================== checks

    /** IKE SA and its CHILD SA as secplane shows them against strongSwan's view of the same. */
    private static void assertAgree(Map<String, Object> ours, Map<?, ?> theirs, String group, String strongSwanGroup) {
        assertNotNull("strongSwan has the SA", theirs);
        String context = "ours " + ours + "\ntheirs " + theirs;
        assertEquals(context, "UP", ours.get("ike-sa-state"));
        assertEquals(context, "ESTABLISHED", theirs.get("state"));
        assertEquals(context, theirs.get("initiator-spi"), ours.get("ike-sa-initiator-cookie"));
        assertEquals(context, theirs.get("responder-spi"), ours.get("ike-sa-responder-cookie"));
        Map<?, ?> algorithms = (Map<?, ?>) ours.get("ike-sa-algorithms");
        assertEquals(context, encryption(theirs), algorithms.get("ike-sa-encryption-algorithm"));
        assertEquals(context, integrity(theirs), algorithms.get("ike-sa-authentication-algorithm"));
        assertEquals(context, "PRF_" + prfOf((String) algorithms.get("ike-sa-prf-algorithm")), theirs.get("prf-alg"));
        assertEquals(context, group, algorithms.get("ike-sa-dhgroup"));
        assertEquals(context, strongSwanGroup, theirs.get("dh-group"));
        assertEquals(context, theirs.get("remote-id"), ours.get("ike-sa-local-ike-id"));
        assertEquals(context, theirs.get("local-id"), ours.get("ike-sa-peer-ike-id"));
        // both sides were configured with the same IKE lifetime: secplane's hard expiry, strongSwan's rekey time
        assertClose(context, Long.parseLong((String) theirs.get("rekey-time")), (Long) ours.get("ike-sa-lifetime"));

        List<Map<?, ?>> pairs = pairs(ours);
        List<Map<?, ?>> children = installedChildren(theirs);
        assertEquals(context, 1, pairs.size());
        assertEquals(context, 1, children.size());
        Map<?, ?> pair = pairs.get(0);
        Map<?, ?> child = children.get(0);
        // D-48: secplane prints SPIs without zero padding, strongSwan with
        assertEquals(context, spi(child.get("spi-in")), spi(pair.get("outbound-spi")));
        assertEquals(context, spi(child.get("spi-out")), spi(pair.get("inbound-spi")));
        assertEquals(context, encryption(child), pair.get("encryption"));
        assertEquals(context, integrity(child), pair.get("authentication"));
        assertEquals(context, "yes", child.get("encap"));
        assertEquals(context, true, pair.get("udp-encapsulation"));
        Object pfs = child.get("dh-group");
        assertEquals(context, pfs == null ? "None" : groupOf((String) pfs), pair.get("pfs-group"));
        assertClose(context, Long.parseLong((String) child.get("life-time")), (Long) pair.get("hard-lifetime-remaining"));
        assertEquals(context, List.of(prefixOf((String) pair.get("remote-identity"))), child.get("local-ts"));
        assertEquals(context, List.of(prefixOf((String) pair.get("local-identity"))), child.get("remote-ts"));
    }

    private static long spi(Object hex) {
        return Long.parseLong((String) hex, 16);
    }

    private static void assertClose(String context, long expected, long actual) {
        assertTrue(context + "\nlifetimes differ: " + expected + " / " + actual, Math.abs(expected - actual) <= 5);
    }

    /** {@code aes-128-cbc} ↔ {@code AES_CBC} 128, {@code aes-256-gcm} ↔ {@code AES_GCM_16} 256. */
    private static String encryption(Map<?, ?> section) {
        String alg = (String) section.get("encr-alg");
        String size = (String) section.get("encr-keysize");
        return switch (alg) {
            case "AES_CBC" -> "aes-" + size + "-cbc";
            case "AES_GCM_16" -> "aes-" + size + "-gcm";
            default -> alg;
        };
    }

    private static String integrity(Map<?, ?> section) {
        Object alg = section.get("integ-alg");
        return alg == null ? "None" : switch ((String) alg) {
            case "HMAC_SHA2_256_128" -> "hmac-sha-256-128";
            case "HMAC_SHA1_96" -> "hmac-sha1-96";
            default -> (String) alg;
        };
    }

    private static String prfOf(String ours) {
        return switch (ours) {
            case "hmac-sha256" -> "HMAC_SHA2_256";
            case "hmac-sha1" -> "HMAC_SHA1";
            default -> ours;
        };
    }

    private static String groupOf(String strongSwan) {
        return switch (strongSwan) {
            case "ECP_256" -> "group19";
            case "MODP_2048" -> "group14";
            case "CURVE_25519" -> "group31";
            default -> strongSwan;
        };
    }

    /** {@code ipv4_subnet(any:0,[0..7]=192.168.66.0/24)} → {@code 192.168.66.0/24}. */
    private static String prefixOf(String junos) {
        return junos.substring(junos.indexOf('=') + 1, junos.length() - 1);
    }

    // ================================================================================== secplane

    /** Gateway {@code name} to {@code address} through {@code external} with IKE policy {@code policy}. */
    private static String gateway(String name, String address, String external, String policy, String localUser) {
        return gateway(name, address, external, policy, "user-at-hostname " + localUser + "@example.test",
                "user-at-hostname right@example.test");
    }

    /** The same with identities as Junos writes them, e.g. {@code hostname vpn.example.net}. */
    private static String gateway(String name, String address, String external, String policy, String localIdentity,
            String remoteIdentity) {
        return String.join("\n",
                "set security ike gateway " + name + " ike-policy " + policy,
                "set security ike gateway " + name + " address " + address,
                "set security ike gateway " + name + " external-interface " + external,
                "set security ike gateway " + name + " version v2-only",
                "set security ike gateway " + name + " local-identity " + localIdentity,
                "set security ike gateway " + name + " remote-identity " + remoteIdentity, "");
    }

    private static String vpn(String name, String gateway, String ipsecPolicy, String local, String remote, boolean immediately) {
        if (!gateway.equals("gw-life")) {
            created.put(gateway, name);
        }
        return String.join("\n",
                "set security ipsec vpn " + name + " ike gateway " + gateway,
                "set security ipsec vpn " + name + " ike ipsec-policy " + ipsecPolicy,
                "set security ipsec vpn " + name + " ike proxy-identity local " + local,
                "set security ipsec vpn " + name + " ike proxy-identity remote " + remote,
                immediately ? "set security ipsec vpn " + name + " establish-tunnels immediately" : "", "");
    }

    private static void commit(String setLines) throws Exception {
        StringBuilder script = new StringBuilder("configure\n");
        for (String line : setLines.split("\n")) {
            if (!line.isBlank()) {
                script.append(line).append('\n');
            }
        }
        script.append("commit\nexit\n");
        String output = secplane.batch(script.toString());
        assertTrue(output + "\n" + secplane.logTail(), output.contains("commit complete"));
    }

    /** Deletes a test's gateway and VPN (D-42: their SAs go, with a Delete to strongSwan) and waits for both sides. */
    private static void remove(String gateway, String vpn, String connection) throws Exception {
        List<Object> spis = new ArrayList<>();
        ourSas(gateway).forEach(sa -> spis.add(sa.get("ike-sa-initiator-cookie")));
        commit("delete security ipsec vpn " + vpn + "\ndelete security ike gateway " + gateway + "\n");
        created.remove(gateway);
        await("no SA of " + gateway + " on either side", () -> {
            for (Object spi : spis) {
                if (theirSa(connection, spi) != null) {
                    return false;
                }
            }
            return ourSas(gateway).isEmpty();
        });
    }

    /** What a test configured and has not removed yet (it failed): gateway → VPN. */
    private static final Map<String, String> created = new java.util.LinkedHashMap<>();

    /** A test that failed half way leaves nothing behind for the next one. */
    @After
    public void removeWhatAFailedTestLeft() throws Exception {
        if (created.isEmpty()) {
            return;
        }
        StringBuilder deletes = new StringBuilder();
        created.forEach((gateway, vpn) -> deletes.append("delete security ipsec vpn ").append(vpn)
                .append("\ndelete security ike gateway ").append(gateway).append('\n'));
        created.clear();
        secplane.batch("configure\n" + deletes + "commit\nexit\n");
        for (String connection : List.of("resp", "natted", "init", "cert-rsa", "cert-ec", "cert-untrusted")) {
            strongswan.swanctl("--terminate", "--ike", connection, "--force", "--timeout", "5");
        }
    }

    /** Every IKE SA of {@code gateway} that is UP. */
    private static List<Map<String, Object>> ourSas(String gateway) throws Exception {
        Object json = Json.parse(secplane.batch("show security ike security-associations detail | display json\n"));
        List<Map<String, Object>> out = new ArrayList<>();
        Object list = Json.at(json, "ike-security-associations-information", "ike-security-associations");
        if (list instanceof List<?> sas) {
            for (Object sa : sas) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) sa;
                if (gateway.equals(m.get("ike-gateway")) && "UP".equals(m.get("ike-sa-state"))) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> ourSa(String gateway) throws Exception {
        List<Map<String, Object>> sas = ourSas(gateway);
        return sas.isEmpty() ? null : sas.get(sas.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> pairs(Map<String, Object> ours) {
        return (List<Map<?, ?>>) ours.get("ipsec-sa-pair");
    }

    private static Path karafLog() {
        return secplane.home().resolve("data/log/karaf.log");
    }

    // ================================================================================== strongSwan

    /** strongSwan's established IKE SAs of {@code connection}. */
    private static List<Map<String, Object>> theirSas(String connection) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> sa : strongswan.ikeSas()) {
            if (connection.equals(sa.get("name")) && "ESTABLISHED".equals(sa.get("state"))) {
                out.add(sa);
            }
        }
        return out;
    }

    /** strongSwan's established IKE SA of {@code connection} with this initiator SPI, or {@code null}. */
    private static Map<?, ?> theirSa(String connection, Object initiatorSpi) throws Exception {
        for (Map<String, Object> sa : theirSas(connection)) {
            if (sa.get("initiator-spi").equals(initiatorSpi)) {
                return sa;
            }
        }
        return null;
    }

    /** strongSwan's counterpart of our SA. */
    private static Map<?, ?> theirSa(String connection, Map<String, Object> ours) throws Exception {
        return ours == null ? null : theirSa(connection, ours.get("ike-sa-initiator-cookie"));
    }

    private static List<Map<?, ?>> installedChildren(Map<?, ?> ikeSa) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (ikeSa != null && ikeSa.get("child-sas") instanceof Map<?, ?> children) {
            for (Object c : children.values()) {
                if (c instanceof Map<?, ?> child && "INSTALLED".equals(child.get("state"))) {
                    out.add(child);
                }
            }
        }
        return out;
    }

    /** Both sides have the SA up with one CHILD SA. */
    private static void awaitBoth(String gateway, String connection) throws Exception {
        await("IKE SA and CHILD SA of " + gateway + " up on both sides", () -> {
            Map<String, Object> ours = ourSa(gateway);
            Map<?, ?> theirs = theirSa(connection, ours);
            return ours != null && pairs(ours).size() == 1 && theirs != null && installedChildren(theirs).size() == 1
                    && ours.get("ike-sa-initiator-cookie").equals(theirs.get("initiator-spi"));
        });
    }

    private static long keepalivesThroughTheNat() throws Exception {
        String table = Commands.must("ip", "netns", "exec", n, "nft", "list", "table", "ip", "ike-it");
        Matcher m = Pattern.compile("udp length 9 counter packets (\\d+)").matcher(table);
        assertTrue(table, m.find());
        return Long.parseLong(m.group(1));
    }

    // ================================================================================== plumbing

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        await(what, 30, condition);
    }

    private static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for: " + what + "\nsecplane:\n"
                        + secplane.batch("show security ike security-associations detail\nshow security ike statistics\n")
                        + "\nstrongSwan:\n" + strongswan.swanctl("--list-sas") + "\nsecplane log:\n" + secplane.logTail());
            }
            Thread.sleep(250);
        }
    }

    /** Lines of {@code file} that hold every one of {@code texts}. */
    private static long count(Path file, String... texts) throws Exception {
        return Files.readString(file).lines().filter(l -> java.util.Arrays.stream(texts).allMatch(l::contains)).count();
    }

    private static void link(String nsA, String ifA, String addressA, String nsB, String ifB, String addressB) throws Exception {
        Commands.must("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
        Commands.must("ip", "-n", nsA, "addr", "add", addressA, "dev", ifA);
        Commands.must("ip", "-n", nsB, "addr", "add", addressB, "dev", ifB);
        Commands.must("ip", "-n", nsA, "link", "set", ifA, "up");
        Commands.must("ip", "-n", nsB, "link", "set", ifB, "up");
    }

    private static void removeStaleNamespaces() throws Exception {
        for (String line : Commands.must("ip", "netns", "list").split("\n")) {
            String name = line.split(" ")[0].trim();
            Matcher m = OURS.matcher(name);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) {
                Commands.exec(List.of("ip", "netns", "del", name), null);
            }
        }
    }

    // ================================================================================== configurations

    /** Proposals and policies every test uses, and the 180-second SA that the last test checks. */
    private static final String BASE = String.join("\n",
            "set interfaces ge-0/0/0 unit 0 family inet address 10.66.2.1/24",
            "set interfaces ge-0/0/1 unit 0 family inet address 10.66.1.1/24",
            "set security zones security-zone untrust interfaces ge-0/0/0.0",
            "set security zones security-zone untrust interfaces ge-0/0/1.0",
            "set security zones security-zone untrust host-inbound-traffic system-services ike",
            ikeProposal("ecp256", "group19", "aes-128-cbc", 28800),
            ikeProposal("modp2048", "group14", "aes-128-cbc", 28800),
            ikeProposal("x25519", "group31", "aes-128-cbc", 28800),
            ikeProposal("short", "group19", "aes-256-gcm", 180),
            ikePolicy("ecp256", "ecp256", PSK),
            ikePolicy("modp2048", "modp2048", PSK),
            ikePolicy("x25519", "x25519", PSK),
            ikePolicy("short", "short", PSK),
            ikePolicy("wrong-psk", "modp2048", WRONG_PSK),
            signatureProposal("rsa-sig", "rsa-signatures", "group14"),
            signatureProposal("ec-sig", "ecdsa-signatures-256", "group19"),
            // trusted-ca N: the N-th CA profile in name order (README): 0 EC-CA, 1 RSA-CA
            certificatePolicy("rsa-sig", "sp-rsa", "1"),
            certificatePolicy("ec-sig", "sp-ec", "0"),
            "set security ipsec proposal esp-cbc protocol esp",
            "set security ipsec proposal esp-cbc encryption-algorithm aes-128-cbc",
            "set security ipsec proposal esp-cbc authentication-algorithm hmac-sha-256-128",
            "set security ipsec proposal esp-cbc lifetime-seconds 3600",
            "set security ipsec policy esp-cbc proposals esp-cbc",
            "set security ipsec proposal esp-gcm-short protocol esp",
            "set security ipsec proposal esp-gcm-short encryption-algorithm aes-128-gcm",
            "set security ipsec proposal esp-gcm-short lifetime-seconds 180",
            "set security ipsec policy short proposals esp-gcm-short",
            "set security ipsec policy short perfect-forward-secrecy keys group19",
            gateway("gw-life", "10.66.2.2", "ge-0/0/0.0", "short", "life")
                    + vpn("vpn-life", "gw-life", "short", "192.168.86.0/24", "192.168.87.0/24", true));

    private static String ikeProposal(String name, String group, String encryption, int lifetime) {
        return String.join("\n",
                "set security ike proposal " + name + " authentication-method pre-shared-keys",
                "set security ike proposal " + name + " dh-group " + group,
                "set security ike proposal " + name + " authentication-algorithm sha-256",
                "set security ike proposal " + name + " encryption-algorithm " + encryption,
                "set security ike proposal " + name + " lifetime-seconds " + lifetime);
    }

    private static String signatureProposal(String name, String method, String group) {
        return ikeProposal(name, group, "aes-128-cbc", 28800).replace("authentication-method pre-shared-keys",
                "authentication-method " + method);
    }

    private static String certificatePolicy(String name, String certificateId, String trustedCa) {
        return "set security ike policy " + name + " proposals " + name + "\n"
                + "set security ike policy " + name + " certificate local-certificate " + certificateId + "\n"
                + "set security ike policy " + name + " certificate trusted-ca " + trustedCa;
    }

    private static String ikePolicy(String name, String proposal, String psk) {
        return "set security ike policy " + name + " proposals " + proposal + "\n"
                + "set security ike policy " + name + " pre-shared-key ascii-text \"" + psk + "\"";
    }

    /**
     * strongSwan's side: responders on 10.66.2.2 ({@code resp}, {@code life}, {@code cert-rsa}) and behind the NAT
     * on 10.66.3.2 ({@code natted}), initiators from 10.66.2.3 ({@code init}, {@code cert-ec},
     * {@code cert-untrusted}). IKE and CHILD lifetimes as on secplane's side, without randomisation, so the remaining
     * lifetimes can be compared.
     */
    private static final String SWANCTL_CONF = String.join("\n",
            "connections {",
            connection("resp", "10.66.2.2", "%any", "aes128-sha256-ecp256, aes128-sha256-x25519", "28800s",
                    psk("right"), psk("left"),
                    child("direct", "192.168.67.0/24", "192.168.66.0/24", "aes128-sha256", "3000s", "3600s")),
            // strongSwan would rekey only at 180 s and 170 s: secplane's soft lifetimes (about 150 s) come first
            connection("life", "10.66.2.2", "%any", "aes256gcm16-prfsha256-ecp256", "180s", psk("right"), psk("life"),
                    child("life", "192.168.87.0/24", "192.168.86.0/24", "aes128gcm16, aes128gcm16-ecp256", "170s", "180s")),
            connection("natted", "10.66.3.2", "%any", "aes128-sha256-ecp256", "28800s", psk("right"), psk("left"),
                    child("nat", "192.168.77.0/24", "192.168.76.0/24", "aes128-sha256", "3000s", "3600s")),
            connection("init", "10.66.2.3", "10.66.2.1", "aes128-sha256-modp2048", "28800s", psk("right"), psk("left"),
                    child("init", "192.168.97.0/24", "192.168.96.0/24", "aes128-sha256", "3000s", "3600s")),
            connection("cert-rsa", "10.66.2.2", "%any", "aes128-sha256-modp2048", "28800s",
                    certificate("sw-rsa"), peerCertificate("sp-rsa"),
                    child("cert-rsa", "192.168.57.0/24", "192.168.56.0/24", "aes128-sha256", "3000s", "3600s")),
            connection("cert-ec", "10.66.2.3", "10.66.2.1", "aes128-sha256-ecp256", "28800s",
                    certificate("sw-ec"), peerCertificate("sp-ec"),
                    child("cert-ec", "192.168.47.0/24", "192.168.46.0/24", "aes128-sha256", "3000s", "3600s")),
            connection("cert-untrusted", "10.66.2.3", "10.66.2.1", "aes128-sha256-ecp256", "28800s",
                    certificate("sw-rsa"), peerCertificate("sp-ec"),
                    child("cert-untrusted", "192.168.47.0/24", "192.168.46.0/24", "aes128-sha256", "3000s", "3600s")),
            "}",
            "secrets {",
            "  ike-interop {",
            "    id-a = left@example.test",
            "    id-b = life@example.test",
            "    id-c = right@example.test",
            "    secret = \"" + PSK + "\"",
            "  }",
            "}", "");

    private static String connection(String name, String localAddress, String remoteAddress, String proposals,
            String ikeLifetime, String local, String remote, String child) {
        return String.join("\n",
                "  " + name + " {",
                "    version = 2",
                "    local_addrs = " + localAddress,
                "    remote_addrs = " + remoteAddress,
                "    proposals = " + proposals,
                "    rekey_time = " + ikeLifetime,
                "    rand_time = 0s",
                "    local {",
                local,
                "    }",
                "    remote {",
                remote,
                "    }",
                "    children {",
                child,
                "    }",
                "  }");
    }

    private static String psk(String user) {
        return "      auth = psk\n      id = " + user + "@example.test";
    }

    /** strongSwan's own certificate {@code x509/NAME.pem}; its ID the certificate's DNS name. */
    private static String certificate(String name) {
        return "      auth = pubkey\n      certs = " + name + ".pem\n      id = " + name + ".example.test";
    }

    private static String peerCertificate(String name) {
        return "      auth = pubkey\n      id = " + name + ".example.test";
    }

    private static String child(String name, String localTs, String remoteTs, String espProposals, String rekey,
            String lifetime) {
        return String.join("\n",
                "      " + name + " {",
                "        local_ts = " + localTs,
                "        remote_ts = " + remoteTs,
                "        esp_proposals = " + espProposals,
                "        life_time = " + lifetime,
                "        rekey_time = " + rekey,
                "        rand_time = 0s",
                "      }");
    }
}
