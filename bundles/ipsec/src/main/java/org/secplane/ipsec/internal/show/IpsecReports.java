package org.secplane.ipsec.internal.show;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.secplane.cli.Report;
import org.secplane.ipsec.AlgorithmNames;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.internal.forward.DropCounters;
import org.secplane.ipsec.internal.forward.DropReason;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.sad.SecurityAssociation;

/**
 * The text and JSON of {@code show security ipsec security-associations [brief | detail | index N]} and
 * {@code show security ipsec statistics [index N]} in the normative ("new") generation of ipsec-srx.md §3.8,
 * §3.9 (D-45..D-49). Rulings where the guide is silent:
 * <ul>
 * <li>Manual SAs have no lifetime: {@code Life} prints {@code unlim/ unlim}, the detail {@code Hard lifetime:
 * Unlimited} and {@code Soft lifetime: Unlimited}; they have no IKE version, so no {@code Version:} line.</li>
 * <li>Algorithm names the guide predates ({@link AlgorithmNames}, shared with key management's output):
 * {@code ESP:aes-gcm-128/None} (as later Junos prints AEADs), {@code sha256}/{@code sha384}/{@code sha512},
 * {@code aes-ctr-128}, {@code None} for an absent algorithm (AH prints {@code AH:None/sha1}). Detail lines use
 * the configuration keywords ({@code hmac-sha-256-128}, {@code aes-128-gcm}).</li>
 * <li>{@code Port} is the peer's NAT-T port with ESP in UDP, else 500 (Table 49); {@code Mon} is {@code -}
 * (VPN monitoring is not implemented).</li>
 * <li>SAs of a tunnel rekeyed but not yet deleted show as two lines per direction, oldest first.</li>
 * </ul>
 * Bytes are those of the protected IP packets (what {@code lifetime-kilobytes} counts).
 */
public final class IpsecReports {

    /** Which SAs to show: a tunnel index (0: all), an address family ({@code null}: both), and the SRX filters. */
    public static final class Filter {
        final long index;
        final String family;
        final boolean location;

        /**
         * @param location false when {@code fpc}, {@code pic} or {@code kmd-instance} name a place this branch
         *                 profile does not have (D-54): nothing matches then
         */
        public Filter(long index, String family, boolean location) {
            this.index = index;
            this.family = family;
            this.location = location;
        }

        /** Whether the SRX filters name this device's one place. */
        public boolean matchesLocation() {
            return location;
        }

        public long index() {
            return index;
        }

        public boolean matches(SaPair pair) {
            if (!location || (index != 0 && pair.tunnelId() != index)) {
                return false;
            }
            return family == null || family.equals(pair.ipv4() ? "inet" : "inet6");
        }
    }

    private IpsecReports() {
    }

    // ================================================================ security associations

    public static Report securityAssociations(List<SaPair> all, Filter filter, boolean detail, long nowNanos) {
        List<SaPair> pairs = new ArrayList<>();
        for (SaPair pair : all) {
            if (filter.matches(pair)) {
                pairs.add(pair);
            }
        }
        Set<Long> tunnels = new LinkedHashSet<>();
        pairs.forEach(p -> tunnels.add(p.tunnelId()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("total-active-tunnels", tunnels.size());
        List<Object> list = new ArrayList<>();
        for (SaPair pair : pairs) {
            list.add(detail ? detailData(pair, nowNanos) : summaryData(pair, nowNanos));
        }
        data.put(detail ? "tunnels" : "security-associations", list);
        return Report.of(data, out -> {
            if (detail) {
                printDetail(out, pairs, nowNanos);
            } else {
                printSummary(out, pairs, tunnels.size(), nowNanos);
            }
        });
    }

    private static void printSummary(PrintStream out, List<SaPair> pairs, int tunnels, long nowNanos) {
        out.println("  Total active tunnels: " + tunnels);
        if (pairs.isEmpty()) {
            return;
        }
        out.println(summaryLine("ID", "Algorithm", "SPI", "Life:sec/kb", "Mon", "vsys", "Port", "Gateway"));
        for (SaPair pair : pairs) {
            for (SecurityAssociation sa : new SecurityAssociation[] {pair.inbound(), pair.outbound()}) {
                out.println(summaryLine((sa.inbound() ? "<" : ">") + pair.tunnelId(), algorithm(pair), Long.toHexString(sa.spi()),
                        life(pair, sa, nowNanos), "-", "root", Integer.toString(port(pair)), Addresses.format(pair.remote())));
            }
        }
    }

    /** The summary's columns at the sample's widths (§3.8), always at least one space apart. */
    private static final int[] COLUMNS = {8, 16, 10, 13, 4, 5, 6};

    private static String summaryLine(String... values) {
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < values.length; i++) {
            line.append(values[i]);
            if (i < COLUMNS.length) {
                line.append(" ".repeat(Math.max(1, COLUMNS[i] - values[i].length())));
            }
        }
        return line.toString();
    }

    private static Map<String, Object> summaryData(SaPair pair, long nowNanos) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", pair.tunnelId());
        data.put("vpn", pair.vpn());
        data.put("algorithm", algorithm(pair));
        List<Object> sas = new ArrayList<>();
        for (SecurityAssociation sa : new SecurityAssociation[] {pair.inbound(), pair.outbound()}) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("direction", sa.inbound() ? "inbound" : "outbound");
            one.put("spi", Long.toHexString(sa.spi()));
            long seconds = remainingSeconds(pair, nowNanos);
            one.put("life-seconds", seconds < 0 ? "unlim" : (Object) seconds);
            long kilobytes = remainingKilobytes(pair, sa);
            one.put("life-kilobytes", kilobytes < 0 ? "unlim" : (Object) kilobytes);
            sas.add(one);
        }
        data.put("security-associations", sas);
        data.put("monitoring", "-");
        data.put("vsys", "root");
        data.put("port", port(pair));
        data.put("gateway", Addresses.format(pair.remote()));
        return data;
    }

    private static void printDetail(PrintStream out, List<SaPair> pairs, long nowNanos) {
        boolean first = true;
        for (SaPair pair : pairs) {
            if (!first) {
                out.println();
            }
            first = false;
            ChildSa sa = pair.childSa();
            out.println("  Virtual-system: root");
            out.println("  Local Gateway: " + Addresses.format(pair.local()) + ", Remote Gateway: " + Addresses.format(pair.remote()));
            out.println("  Local Identity: " + identity(sa.localSelectors(), pair.remote()));
            out.println("  Remote Identity: " + identity(sa.remoteSelectors(), pair.remote()));
            if (sa.origin() != ChildSa.Origin.MANUAL) {
                out.println("  Version: " + (sa.origin() == ChildSa.Origin.IKEV1 ? "IKEv1" : "IKEv2"));
            }
            out.println("    DF-bit: " + sa.dfBit().name().toLowerCase(java.util.Locale.ROOT));
            if (sa.policyName() != null) {
                out.println("    Policy-name: " + sa.policyName());
            }
            boolean firstDirection = true;
            for (SecurityAssociation direction : new SecurityAssociation[] {pair.inbound(), pair.outbound()}) {
                if (!firstDirection) {
                    out.println();
                }
                firstDirection = false;
                out.println("    Direction: " + (direction.inbound() ? "inbound" : "outbound") + ", SPI: "
                        + Long.toHexString(direction.spi()) + ", AUX-SPI: 0");
                out.println("                              , VPN Monitoring: -");
                out.println("    Hard lifetime: " + hardLifetime(pair, nowNanos));
                long kilobytes = remainingKilobytes(pair, direction);
                out.println("    Lifesize Remaining:  " + (kilobytes < 0 ? "Unlimited" : kilobytes + " kilobytes"));
                out.println("    Soft lifetime: " + softLifetime(pair, nowNanos));
                out.println("    Mode: " + (pair.tunnelMode() ? "Tunnel" : "Transport") + ", Type: "
                        + (sa.origin() == ChildSa.Origin.MANUAL ? "manual" : "dynamic") + ", State: installed");
                out.println("    Protocol: " + (pair.protocol() == SaPair.AH ? "AH" : "ESP") + ", Authentication: "
                        + AlgorithmNames.integrity(pair.integrity()) + ", Encryption: " + AlgorithmNames.encryption(pair.encryption()));
                out.println("    " + antiReplay(pair));
            }
        }
    }

    private static Map<String, Object> detailData(SaPair pair, long nowNanos) {
        ChildSa sa = pair.childSa();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", pair.tunnelId());
        data.put("vpn", pair.vpn());
        data.put("virtual-system", "root");
        data.put("local-gateway", Addresses.format(pair.local()));
        data.put("remote-gateway", Addresses.format(pair.remote()));
        data.put("local-identity", identity(sa.localSelectors(), pair.remote()));
        data.put("remote-identity", identity(sa.remoteSelectors(), pair.remote()));
        if (sa.origin() != ChildSa.Origin.MANUAL) {
            data.put("version", sa.origin() == ChildSa.Origin.IKEV1 ? "IKEv1" : "IKEv2");
        }
        data.put("df-bit", sa.dfBit().name().toLowerCase(java.util.Locale.ROOT));
        if (sa.policyName() != null) {
            data.put("policy-name", sa.policyName());
        }
        if (sa.bindInterface() != null) {
            data.put("bind-interface", sa.bindInterface());
        }
        data.put("port", port(pair));
        List<Object> directions = new ArrayList<>();
        for (SecurityAssociation direction : new SecurityAssociation[] {pair.inbound(), pair.outbound()}) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("direction", direction.inbound() ? "inbound" : "outbound");
            one.put("spi", Long.toHexString(direction.spi()));
            one.put("aux-spi", 0);
            one.put("vpn-monitoring", "-");
            one.put("hard-lifetime", hardLifetime(pair, nowNanos));
            long kilobytes = remainingKilobytes(pair, direction);
            one.put("lifesize-remaining", kilobytes < 0 ? "Unlimited" : kilobytes + " kilobytes");
            one.put("soft-lifetime", softLifetime(pair, nowNanos));
            one.put("mode", pair.tunnelMode() ? "Tunnel" : "Transport");
            one.put("type", sa.origin() == ChildSa.Origin.MANUAL ? "manual" : "dynamic");
            one.put("state", "installed");
            one.put("protocol", pair.protocol() == SaPair.AH ? "AH" : "ESP");
            one.put("authentication", AlgorithmNames.integrity(pair.integrity()));
            one.put("encryption", AlgorithmNames.encryption(pair.encryption()));
            one.put("anti-replay", pair.replayProtected() ? "counter-based enabled" : "disabled");
            one.put("replay-window-size", pair.replayProtected() ? sa.replayWindow() : 0);
            directions.add(one);
        }
        data.put("security-associations", directions);
        return data;
    }

    private static String antiReplay(SaPair pair) {
        return pair.replayProtected()
                ? "Anti-replay service: counter-based enabled, Replay window size: " + pair.childSa().replayWindow()
                : "Anti-replay service: disabled, Replay window size: 0";
    }

    /** Remaining hard lifetime in seconds, or -1 when unlimited. */
    private static long remainingSeconds(SaPair pair, long nowNanos) {
        long hard = pair.childSa().lifetime().hardSeconds();
        if (hard <= 0) {
            return -1;
        }
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(nowNanos - pair.installedNanos());
        return Math.max(0, hard - elapsed);
    }

    private static String hardLifetime(SaPair pair, long nowNanos) {
        long remaining = remainingSeconds(pair, nowNanos);
        return remaining < 0 ? "Unlimited" : "Expires in " + remaining + " seconds";
    }

    private static String softLifetime(SaPair pair, long nowNanos) {
        long soft = pair.childSa().lifetime().softSeconds();
        if (pair.childSa().lifetime().hardSeconds() <= 0 || soft <= 0) {
            return "Unlimited";
        }
        long remaining = soft - TimeUnit.NANOSECONDS.toSeconds(nowNanos - pair.installedNanos());
        return remaining <= 0 ? "Expired" : "Expires in " + remaining + " seconds";
    }

    /** Remaining volume of one SA in kilobytes, or -1 when unlimited. */
    private static long remainingKilobytes(SaPair pair, SecurityAssociation sa) {
        long hard = pair.hardBytes();
        if (hard <= 0) {
            return -1;
        }
        return Math.max(0, hard - sa.bytes()) / 1024;
    }

    private static String life(SaPair pair, SecurityAssociation sa, long nowNanos) {
        long seconds = remainingSeconds(pair, nowNanos);
        long kilobytes = remainingKilobytes(pair, sa);
        return (seconds < 0 ? "unlim" : Long.toString(seconds)) + "/ " + (kilobytes < 0 ? "unlim" : Long.toString(kilobytes));
    }

    private static int port(SaPair pair) {
        return pair.udpEncapsulated() ? pair.remoteSocket().getPort() : 500;
    }

    /** {@code ESP:aes-128/sha1}, as the summary prints it (§1.5). */
    static String algorithm(SaPair pair) {
        return (pair.protocol() == SaPair.AH ? "AH" : "ESP") + ":" + AlgorithmNames.shortEncryption(pair.encryption()) + "/"
                + AlgorithmNames.shortIntegrity(pair.integrity());
    }

    /**
     * A proxy identity as Junos prints it: {@code ipv4_subnet(any:0,[0..7]=10.10.10.0/24)} for a prefix,
     * {@code ipv4(any:0,[0..3]=220.0.0.4)} for one address, IPv6 as D-51 rules, {@code ipv4_range(…=a-b)} for
     * a range that is no prefix; {@code proto:port} is the protocol's name (or number) and the first port of
     * a restricted range. No selectors (manual SAs): everything of the gateway's family.
     */
    static String identity(List<TrafficSelector> selectors, InetAddress gateway) {
        TrafficSelector selector = selectors.isEmpty()
                ? TrafficSelector.ofPrefix(gateway.getAddress().length == 4 ? "0.0.0.0/0" : "::/0") : selectors.get(0);
        boolean v6 = selector.isIpv6();
        String family = v6 ? "ipv6" : "ipv4";
        int bytes = v6 ? 16 : 4;
        String protocol = protocolName(selector.protocol()) + ":"
                + (selector.startPort() == 0 && selector.endPort() == 65535 ? 0 : selector.startPort());
        int prefix = selector.prefixLength();
        String start = Addresses.format(selector.start());
        if (prefix == bytes * 8) {
            return family + "(" + protocol + ",[0.." + (bytes - 1) + "]=" + start + ")";
        }
        if (prefix >= 0) {
            return family + "_subnet(" + protocol + ",[0.." + (2 * bytes - 1) + "]=" + start + "/" + prefix + ")";
        }
        return family + "_range(" + protocol + ",[0.." + (2 * bytes - 1) + "]=" + start + "-"
                + Addresses.format(selector.end()) + ")";
    }

    private static String protocolName(int protocol) {
        switch (protocol) {
            case 0: return "any";
            case 1: return "icmp";
            case 6: return "tcp";
            case 17: return "udp";
            case 58: return "icmp6";
            default: return Integer.toString(protocol);
        }
    }

    // ================================================================ statistics

    /**
     * {@code show security ipsec statistics [index N]}: Table 50 summed over the selected SAs (both
     * directions, every pair of a rekeyed tunnel). JSON adds the drops by reason over all SAs (not with an
     * index: those not tied to an SA, as unknown SPIs, belong to none).
     */
    public static Report statistics(List<SaPair> all, Filter filter, DropCounters drops) {
        long[] esp = new long[4];
        long[] ah = new long[4];
        long[] errors = new long[6];
        for (SaPair pair : all) {
            if (!filter.matches(pair)) {
                continue;
            }
            long[] in = pair.inbound().statistics();
            long[] out = pair.outbound().statistics();
            long[] sums = pair.protocol() == SaPair.AH ? ah : esp;
            sums[0] += out[SecurityAssociation.BYTES];
            sums[1] += in[SecurityAssociation.BYTES];
            sums[2] += out[SecurityAssociation.PACKETS];
            sums[3] += in[SecurityAssociation.PACKETS];
            for (long[] s : new long[][] {in, out}) {
                errors[pair.protocol() == SaPair.AH ? 0 : 2] += s[SecurityAssociation.AUTHENTICATION_FAILURES];
                errors[1] += s[SecurityAssociation.REPLAY_ERRORS];
                errors[3] += s[SecurityAssociation.DECRYPTION_FAILURES];
                errors[4] += s[SecurityAssociation.BAD_HEADERS];
                errors[5] += s[SecurityAssociation.BAD_TRAILERS];
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("virtual-system", "Root");
        if (filter.index != 0) {
            data.put("sa-index", filter.index);
        }
        data.put("esp-statistics", map("encrypted-bytes", esp[0], "decrypted-bytes", esp[1], "encrypted-packets", esp[2],
                "decrypted-packets", esp[3]));
        data.put("ah-statistics", map("input-bytes", ah[1], "output-bytes", ah[0], "input-packets", ah[3],
                "output-packets", ah[2]));
        data.put("errors", map("ah-authentication-failures", errors[0], "replay-errors", errors[1],
                "esp-authentication-failures", errors[2], "esp-decryption-failures", errors[3], "bad-headers", errors[4],
                "bad-trailers", errors[5]));
        if (filter.index == 0 && drops != null) {
            Map<String, Object> dropData = new LinkedHashMap<>();
            for (Map.Entry<DropReason, Long> drop : drops.snapshot().entrySet()) {
                dropData.put(drop.getKey().key(), drop.getValue());
            }
            data.put("drops", dropData);
        }
        return Report.of(data, out -> {
            out.println("  Virtual-system: Root");
            if (filter.index != 0) {
                out.println("  SA index: " + filter.index);
            }
            out.println("  ESP Statistics:");
            out.println(counter("Encrypted bytes:", esp[0]));
            out.println(counter("Decrypted bytes:", esp[1]));
            out.println(counter("Encrypted packets:", esp[2]));
            out.println(counter("Decrypted packets:", esp[3]));
            out.println("  AH Statistics:");
            out.println(counter("Input bytes:", ah[1]));
            out.println(counter("Output bytes:", ah[0]));
            out.println(counter("Input packets:", ah[3]));
            out.println(counter("Output packets:", ah[2]));
            out.println("  Errors:");
            out.println("    AH authentication failures: " + errors[0] + ", Replay errors: " + errors[1]);
            out.println("    ESP authentication failures: " + errors[2] + ", ESP decryption failures: " + errors[3]);
            out.println("    Bad headers: " + errors[4] + ", Bad trailers: " + errors[5]);
        });
    }

    /** An insertion-ordered map of key, value, key, value, … */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** {@code    Encrypted bytes:           536408}: the number right-aligned at column 37 (§3.9 sample). */
    private static String counter(String label, long value) {
        String number = Long.toString(value);
        int spaces = Math.max(1, 37 - 4 - label.length() - number.length());
        return "    " + label + " ".repeat(spaces) + number;
    }
}
