package org.secplane.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Configuration of a secplane site for the traffic scenarios ({@link TunnelTrafficIT},
 * {@link TunnelThroughputBenchmark}): a LAN on ge-0/0/0, the wire on ge-0/0/3, a tunnel unit st0.0 with the
 * remote LAN routed into it, zones and policies that let traffic pass, and the IKE pieces (proposal and policy
 * {@code dp-ike} with a pre-shared key, gateways, VPNs), as Junos {@code set} lines.
 */
final class SecplaneSite {

    private SecplaneSite() {
    }

    /** Interfaces, the static route into st0.0, TCP MSS clamping, zones and the trust ↔ vpn policies. */
    static String base(String lan, String external, String st0, String remoteLan) {
        return String.join("\n",
                "set interfaces ge-0/0/0 unit 0 family inet address " + lan,
                "set interfaces ge-0/0/3 unit 0 family inet address " + external,
                "set interfaces st0 unit 0 family inet address " + st0,
                "set routing-options static route " + remoteLan + " next-hop st0.0",
                "set security flow tcp-mss ipsec-vpn mss 1350",
                "set security zones security-zone trust interfaces ge-0/0/0.0",
                "set security zones security-zone untrust interfaces ge-0/0/3.0",
                "set security zones security-zone untrust host-inbound-traffic system-services ike",
                "set security zones security-zone vpn interfaces st0.0",
                "set security policies from-zone trust to-zone vpn policy out match source-address any",
                "set security policies from-zone trust to-zone vpn policy out match destination-address any",
                "set security policies from-zone trust to-zone vpn policy out match application any",
                "set security policies from-zone trust to-zone vpn policy out then permit",
                "set security policies from-zone vpn to-zone trust policy in match source-address any",
                "set security policies from-zone vpn to-zone trust policy in match destination-address any",
                "set security policies from-zone vpn to-zone trust policy in match application any",
                "set security policies from-zone vpn to-zone trust policy in then permit", "");
    }

    /** IKE proposal and policy {@code dp-ike}: pre-shared key {@code psk}, ECP-256, AES-128-CBC, SHA-256. */
    static String ikePolicy(String psk) {
        return String.join("\n",
                "set security ike proposal dp-ike authentication-method pre-shared-keys",
                "set security ike proposal dp-ike dh-group group19",
                "set security ike proposal dp-ike authentication-algorithm sha-256",
                "set security ike proposal dp-ike encryption-algorithm aes-128-cbc",
                "set security ike policy dp-ike proposals dp-ike",
                "set security ike policy dp-ike pre-shared-key ascii-text \"" + psk + "\"", "");
    }

    /** An IKEv2 gateway with policy {@code dp-ike}, identities {@code local@example.test}, {@code remote@example.test}. */
    static String gateway(String name, String address, String external, String local, String remote) {
        return String.join("\n",
                "set security ike gateway " + name + " ike-policy dp-ike",
                "set security ike gateway " + name + " address " + address,
                "set security ike gateway " + name + " external-interface " + external,
                "set security ike gateway " + name + " version v2-only",
                "set security ike gateway " + name + " local-identity user-at-hostname " + local + "@example.test",
                "set security ike gateway " + name + " remote-identity user-at-hostname " + remote + "@example.test", "");
    }

    /** An ESP proposal {@code name} with {@code encryption} (and {@code integrity}, unless null) and its policy. */
    static String espPolicy(String name, String encryption, String integrity) {
        return String.join("\n",
                "set security ipsec proposal " + name + " protocol esp",
                "set security ipsec proposal " + name + " encryption-algorithm " + encryption,
                integrity == null ? "" : "set security ipsec proposal " + name + " authentication-algorithm " + integrity,
                "set security ipsec policy " + name + " proposals " + name, "");
    }

    /** A route-based VPN on {@code st0} negotiated through {@code gateway} with the LANs as proxy identity. */
    static String vpn(String name, String st0, String gateway, String policy, String localLan, String remoteLan) {
        return String.join("\n",
                "set security ipsec vpn " + name + " bind-interface " + st0,
                "set security ipsec vpn " + name + " ike gateway " + gateway,
                "set security ipsec vpn " + name + " ike ipsec-policy " + policy,
                "set security ipsec vpn " + name + " ike proxy-identity local " + localLan,
                "set security ipsec vpn " + name + " ike proxy-identity remote " + remoteLan, "");
    }

    /**
     * Starts two distributions on the linux family at once, {@code target/<name>} in namespace {@code namespace}
     * with {@code interfaceMap} for each, while {@code meanwhile} runs on the calling thread (e.g. a strongSwan
     * peer starting); returns them in order.
     */
    static RunningDistribution[] startTwo(String nameA, String namespaceA, String interfaceMapA, String nameB, String namespaceB,
            String interfaceMapB, Callable<?> meanwhile) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<RunningDistribution> a = starting.submit(() -> RunningDistribution.start(
                    Paths.get("target", nameA), Map.of(),
                    RunningDistribution.Platform.linux(namespaceA, Map.of("interface-map", interfaceMapA))));
            Future<RunningDistribution> b = starting.submit(() -> RunningDistribution.start(
                    Paths.get("target", nameB), Map.of(),
                    RunningDistribution.Platform.linux(namespaceB, Map.of("interface-map", interfaceMapB))));
            meanwhile.call();
            return new RunningDistribution[] {a.get(5, TimeUnit.MINUTES),
                b.get(5, TimeUnit.MINUTES)};
        } finally {
            starting.shutdown();
        }
    }

    /** Commits {@code lines} ({@code set}/{@code delete} statements) in {@code distribution}; fails unless it completes. */
    static void commit(RunningDistribution distribution, String lines) throws Exception {
        String output = distribution.batch("configure\n" + lines + "\ncommit\nexit\n");
        assertTrue(output + distribution.logTail(), output.contains("commit complete"));
    }
}
