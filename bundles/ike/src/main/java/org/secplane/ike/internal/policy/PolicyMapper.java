package org.secplane.ike.internal.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.secplane.config.ConfigView;
import org.secplane.config.Interfaces;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ipsec.ChildSa.DfBit;
import org.secplane.ipsec.TrafficSelector;

/**
 * Maps a committed configuration ({@code [edit security ike]}, {@code [edit security ipsec]} and what they
 * reference: interfaces, address books, security policies, applications) to the engine's {@link IkePolicy}.
 * Plain Java over {@link ConfigView}. Pre-shared keys stay sealed: the policy holds a {@link SecretSource} that
 * opens them through the injected function ({@code ConfigurationService.revealSecret}) each time.
 *
 * <p>Only {@code version v2-only} gateways negotiate (IKEv1 is not implemented in this engine; D-25); the
 * others are mapped with version 1 so that the engine ignores them. What cannot be mapped (an unknown service
 * name, a host name that does not resolve) is reported in {@link #problems()} and mapped conservatively.
 */
public final class PolicyMapper {

    /** Resolves gateway host names; the default is the system resolver. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress resolve(String hostOrAddress) throws UnknownHostException;
    }

    private final Function<String, byte[]> revealSecret;
    private final Resolver resolver;
    private final List<String> problems = new ArrayList<>();

    public PolicyMapper(Function<String, byte[]> revealSecret) {
        this(revealSecret, InetAddress::getByName);
    }

    public PolicyMapper(Function<String, byte[]> revealSecret, Resolver resolver) {
        this.revealSecret = revealSecret;
        this.resolver = resolver;
    }

    /** What the last {@link #map} could not map exactly. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public IkePolicy map(ConfigView root) {
        problems.clear();
        List<PeerConfig> gateways = new ArrayList<>();
        Optional<ConfigView> ike = root.find("security", "ike");
        if (ike.isPresent()) {
            for (ConfigView g : ike.get().children("gateway")) {
                PeerConfig peer = gateway(root, ike.get(), g);
                if (peer != null) {
                    gateways.add(peer);
                }
            }
        }
        List<VpnConfig> vpns = new ArrayList<>();
        Optional<ConfigView> ipsec = root.find("security", "ipsec");
        if (ipsec.isPresent()) {
            for (ConfigView v : ipsec.get().children("vpn")) {
                VpnConfig vpn = vpn(root, ipsec.get(), v, gateways);
                if (vpn != null) {
                    vpns.add(vpn);
                }
            }
        }
        int badSpi = ike.flatMap(i -> i.leaf("respond-bad-spi")).map(Integer::parseInt).orElse(5);
        return new IkePolicy(gateways, vpns, badSpi);
    }

    // ====================================================================== IKE

    private PeerConfig gateway(ConfigView root, ConfigView ike, ConfigView g) {
        String name = g.value();
        String policyName = g.leaf("ike-policy").orElse(null);
        ConfigView policy = policyName == null ? null : ike.entry("policy", policyName).orElse(null);
        if (policy == null) {
            problems.add("gateway " + name + ": IKE policy " + policyName + " is not configured");
            return null;
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String a : g.values("address")) {
            try {
                addresses.add(resolver.resolve(a));
            } catch (UnknownHostException e) {
                problems.add("gateway " + name + ": address " + a + " does not resolve");
            }
        }
        String external = g.leaf("external-interface").orElse(null);
        InetAddress local = external == null ? null : interfaceAddress(root, external,
                !addresses.isEmpty() && addresses.get(0).getAddress().length == 16);
        List<IkeProposalSpec> proposals = ikeProposals(ike, policy);
        AuthMethod method = proposals.isEmpty() ? AuthMethod.PRE_SHARED_KEYS : proposals.get(0).authMethod;
        SecretSource psk = preSharedKey(policy);
        Optional<ConfigView> dpd = g.child("dead-peer-detection");
        PeerConfig.Builder b = PeerConfig.builder(name)
                .addresses(addresses)
                .localAddress(local)
                .externalInterface(external)
                .localIdentity(identity(g.child("local-identity").orElse(null), false))
                .remoteIdentity(identity(g.child("remote-identity").orElse(null), true))
                .dynamicIdentity(identity(g.child("dynamic").orElse(null), true))
                .generalIkeId(g.has("general-ikeid"))
                .ikePolicy(policyName)
                .authMethod(method)
                .preSharedKey(psk)
                .localCertificate(policy.leaf("certificate", "local-certificate").orElse(null))
                .trustedCa(policy.leaf("certificate", "trusted-ca").orElse(null))
                .proposals(proposals)
                .natTraversal(!g.has("no-nat-traversal"))
                .natKeepalive(g.leaf("nat-keepalive").map(Integer::parseInt).orElse(5))
                .version(g.leaf("version").orElse("v1-only").equals("v2-only") ? 2 : 1);
        if (dpd.isPresent()) {
            b.dpd(dpd.get().leaf("interval").map(Integer::parseInt).orElse(10), dpd.get().has("always-send"));
        }
        return b.build();
    }

    private SecretSource preSharedKey(ConfigView policy) {
        Optional<ConfigView> psk = policy.child("pre-shared-key");
        if (psk.isEmpty()) {
            return null;
        }
        Optional<String> ascii = psk.get().leaf("ascii-text");
        Optional<String> hex = psk.get().leaf("hexadecimal");
        if (ascii.isPresent()) {
            String sealed = ascii.get();
            return () -> revealSecret.apply(sealed);
        }
        if (hex.isPresent()) {
            String sealed = hex.get();
            return () -> {
                byte[] text = revealSecret.apply(sealed);
                String digits = new String(text, StandardCharsets.US_ASCII).trim();
                Arrays.fill(text, (byte) 0);
                if (digits.startsWith("0x") || digits.startsWith("0X")) {
                    digits = digits.substring(2);
                }
                return HexFormat.of().parseHex(digits);
            };
        }
        return null;
    }

    private List<IkeProposalSpec> ikeProposals(ConfigView ike, ConfigView policy) {
        List<IkeProposalSpec> out = new ArrayList<>();
        Optional<String> set = policy.leaf("proposal-set");
        if (set.isPresent()) {
            for (String predefined : predefinedIke(set.get())) {
                out.add(predefinedIkeProposal(predefined));
            }
            return out;
        }
        for (String name : policy.values("proposals")) {
            Optional<ConfigView> p = ike.entry("proposal", name);
            if (p.isEmpty()) {
                problems.add("IKE proposal " + name + " is not configured");
                continue;
            }
            IkeProposalSpec spec = ikeProposal(p.get());
            if (spec != null) {
                out.add(spec);
            }
        }
        return out;
    }

    private IkeProposalSpec ikeProposal(ConfigView p) {
        String name = p.value();
        Optional<String> enc = p.leaf("encryption-algorithm");
        Optional<String> auth = p.leaf("authentication-algorithm");
        Optional<String> dh = p.leaf("dh-group");
        if (enc.isEmpty() || auth.isEmpty() || dh.isEmpty()) {
            problems.add("IKE proposal " + name + " lacks an algorithm (D-15)");
            return null;
        }
        Algorithm encryption = ikeEncryption(enc.get());
        Algorithm[] hash = ikeHash(auth.get());
        Algorithm group = group(dh.get());
        if (encryption == null || hash == null || group == null) {
            problems.add("IKE proposal " + name + " has an algorithm this engine does not know");
            return null;
        }
        AuthMethod method = AuthMethod.of(p.leaf("authentication-method").orElse("pre-shared-keys"));
        int lifetime = p.leaf("lifetime-seconds").map(Integer::parseInt).orElse(28800);
        return new IkeProposalSpec(name, method, encryption, hash[1], hash[0], group, lifetime);
    }

    /** The proposals of a predefined IKE proposal set (¶297). */
    static List<String> predefinedIke(String set) {
        switch (set) {
            case "standard": return List.of("pre-g2-aes128-sha", "pre-g2-3des-sha");
            case "compatible": return List.of("pre-g2-3des-sha", "pre-g2-3des-md5", "pre-g2-des-sha", "pre-g2-des-md5");
            case "basic": return List.of("pre-g1-des-sha", "pre-g1-des-md5");
            default: throw new IllegalArgumentException("unknown proposal set " + set);
        }
    }

    static IkeProposalSpec predefinedIkeProposal(String name) {
        String[] w = name.split("-");
        Algorithm group = group("group" + w[1].substring(1));
        Algorithm encryption = w[2].equals("aes128") ? Algorithm.AES_128_CBC : w[2].equals("3des") ? Algorithm.TDES_CBC
                : Algorithm.DES_CBC;
        Algorithm[] hash = ikeHash(w[3].equals("sha") ? "sha1" : "md5");
        return new IkeProposalSpec(name, AuthMethod.PRE_SHARED_KEYS, encryption, hash[1], hash[0], group, 28800);
    }

    static Algorithm ikeEncryption(String keyword) {
        switch (keyword) {
            case "des-cbc": return Algorithm.DES_CBC;
            case "3des-cbc": return Algorithm.TDES_CBC;
            case "aes-128-cbc": return Algorithm.AES_128_CBC;
            case "aes-192-cbc": return Algorithm.AES_192_CBC;
            case "aes-256-cbc": return Algorithm.AES_256_CBC;
            case "aes-128-gcm": return Algorithm.AES_128_GCM_16;
            case "aes-256-gcm": return Algorithm.AES_256_GCM_16;
            default: return null;
        }
    }

    /** {PRF, integrity} of an IKE {@code authentication-algorithm}. */
    static Algorithm[] ikeHash(String keyword) {
        switch (keyword) {
            case "md5": return new Algorithm[] {Algorithm.PRF_HMAC_MD5, Algorithm.HMAC_MD5_96};
            case "sha1": return new Algorithm[] {Algorithm.PRF_HMAC_SHA1, Algorithm.HMAC_SHA1_96};
            case "sha-256": return new Algorithm[] {Algorithm.PRF_HMAC_SHA2_256, Algorithm.HMAC_SHA2_256_128};
            case "sha-384": return new Algorithm[] {Algorithm.PRF_HMAC_SHA2_384, Algorithm.HMAC_SHA2_384_192};
            case "sha-512": return new Algorithm[] {Algorithm.PRF_HMAC_SHA2_512, Algorithm.HMAC_SHA2_512_256};
            default: return null;
        }
    }

    static Algorithm group(String keyword) {
        if (!keyword.startsWith("group")) {
            return null;
        }
        try {
            return org.secplane.ike.internal.keys.Algorithms.group(Integer.parseInt(keyword.substring(5)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Identity identity(ConfigView id, boolean remote) {
        if (id == null) {
            return null;
        }
        Optional<String> host = id.leaf("hostname");
        if (host.isPresent()) {
            return Identity.fqdn(host.get());
        }
        Optional<String> email = id.leaf("user-at-hostname");
        if (email.isPresent()) {
            return Identity.email(email.get());
        }
        for (String family : List.of("inet", "inet6")) {
            Optional<String> a = id.leaf(family);
            if (a.isPresent()) {
                try {
                    return Identity.address(InetAddress.getByName(a.get()));
                } catch (UnknownHostException e) {
                    problems.add("identity address " + a.get() + " is not an address");
                    return null;
                }
            }
        }
        Optional<ConfigView> dn = id.child("distinguished-name");
        if (dn.isPresent()) {
            if (!remote) {
                return Identity.localCertificateDn();
            }
            String container = dn.get().leaf("container").orElse(null);
            String wildcard = dn.get().leaf("wildcard").orElse(null);
            return Identity.dnPattern(container, wildcard);
        }
        return null;
    }

    /** The first address of {@code family inet} (or {@code inet6}) of an interface unit. */
    static InetAddress interfaceAddress(ConfigView root, String unit, boolean ipv6) {
        Optional<ConfigView> u = Interfaces.unit(root, unit);
        if (u.isEmpty()) {
            return null;
        }
        for (String family : ipv6 ? List.of("inet6", "inet") : List.of("inet", "inet6")) {
            Optional<ConfigView> f = u.get().find("family", family);
            if (f.isPresent()) {
                for (ConfigView a : f.get().children("address")) {
                    String prefix = a.value();
                    if (prefix == null) {
                        continue;
                    }
                    int slash = prefix.indexOf('/');
                    try {
                        return InetAddress.getByName(slash < 0 ? prefix : prefix.substring(0, slash));
                    } catch (UnknownHostException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    // ====================================================================== IPsec

    private VpnConfig vpn(ConfigView root, ConfigView ipsec, ConfigView v, List<PeerConfig> gateways) {
        String name = v.value();
        Optional<ConfigView> ike = v.child("ike");
        if (ike.isEmpty()) {
            return null; // a manual SA: not key management's
        }
        String gateway = ike.get().leaf("gateway").orElse(null);
        PeerConfig peer = null;
        for (PeerConfig g : gateways) {
            if (g.name.equals(gateway)) {
                peer = g;
            }
        }
        if (peer == null) {
            problems.add("VPN " + name + ": gateway " + gateway + " is not mapped");
            return null;
        }
        String policyName = ike.get().leaf("ipsec-policy").orElse(null);
        ConfigView policy = policyName == null ? null : ipsec.entry("policy", policyName).orElse(null);
        if (policy == null) {
            problems.add("VPN " + name + ": IPsec policy " + policyName + " is not configured");
            return null;
        }
        List<ChildProposalSpec> proposals = childProposals(ipsec, policy);
        String bind = v.leaf("bind-interface").orElse(null);
        boolean ipv6 = !peer.addresses.isEmpty() && peer.addresses.get(0).getAddress().length == 16;
        TrafficSelector local;
        TrafficSelector remote;
        String securityPolicy = null;
        Optional<ConfigView> proxy = ike.get().child("proxy-identity");
        if (proxy.isPresent() && (proxy.get().has("local") || proxy.get().has("remote"))) {
            String any = ipv6 ? "::/0" : "0.0.0.0/0";
            local = TrafficSelector.ofPrefix(proxy.get().leaf("local").orElse(any));
            remote = TrafficSelector.ofPrefix(proxy.get().leaf("remote").orElse(any));
            TrafficSelector[] s = service(root, proxy.get().leaf("service").orElse("any"), local, remote);
            local = s[0];
            remote = s[1];
        } else if (bind != null) {
            local = TrafficSelector.ofPrefix(ipv6 ? "::/0" : "0.0.0.0/0");
            remote = local;
        } else {
            Object[] fromPolicy = fromSecurityPolicy(root, name, ipv6);
            local = (TrafficSelector) fromPolicy[0];
            remote = (TrafficSelector) fromPolicy[1];
            securityPolicy = (String) fromPolicy[2];
        }
        DfBit df = DfBit.valueOf(v.leaf("df-bit").orElse("clear").toUpperCase(Locale.ROOT));
        return new VpnConfig(name, gateway, policyName, proposals, local, remote, bind,
                v.leaf("establish-tunnels").orElse("on-traffic").equals("immediately"),
                ike.get().has("no-anti-replay") ? 0 : 64, df,
                ike.get().leaf("idle-time").map(Integer::parseInt).orElse(0),
                ike.get().leaf("install-interval").map(Integer::parseInt).orElse(1), securityPolicy);
    }

    private List<ChildProposalSpec> childProposals(ConfigView ipsec, ConfigView policy) {
        Algorithm pfs = policy.leaf("perfect-forward-secrecy", "keys").map(PolicyMapper::group).orElse(null);
        List<ChildProposalSpec> out = new ArrayList<>();
        Optional<String> set = policy.leaf("proposal-set");
        if (set.isPresent()) {
            for (ChildProposalSpec s : predefinedIpsec(set.get())) {
                out.add(pfs != null ? s.withPfs(pfs) : s);
            }
            return out;
        }
        for (String name : policy.values("proposals")) {
            Optional<ConfigView> p = ipsec.entry("proposal", name);
            if (p.isEmpty()) {
                problems.add("IPsec proposal " + name + " is not configured");
                continue;
            }
            ChildProposalSpec spec = childProposal(p.get(), pfs);
            if (spec != null) {
                out.add(spec);
            }
        }
        return out;
    }

    private ChildProposalSpec childProposal(ConfigView p, Algorithm pfs) {
        String name = p.value();
        int protocol = p.leaf("protocol").orElse("esp").equals("ah") ? Ike.PROTO_AH : Ike.PROTO_ESP;
        Algorithm enc = p.leaf("encryption-algorithm").map(PolicyMapper::ipsecEncryption).orElse(null);
        Algorithm integ = p.leaf("authentication-algorithm").map(PolicyMapper::ipsecIntegrity).orElse(null);
        if (p.has("encryption-algorithm") && enc == null || p.has("authentication-algorithm") && integ == null) {
            problems.add("IPsec proposal " + name + " has an algorithm this engine does not know");
            return null;
        }
        if (enc != null && enc.type() == org.secplane.crypto.AlgorithmType.AEAD) {
            integ = null;
        }
        int lifetime = p.leaf("lifetime-seconds").map(Integer::parseInt).orElse(3600);
        long kilobytes = p.leaf("lifetime-kilobytes").map(Long::parseLong).orElse(0L);
        return new ChildProposalSpec(name, protocol, protocol == Ike.PROTO_AH ? null : enc, integ, pfs, lifetime, kilobytes);
    }

    /** The proposals of a predefined IPsec proposal set (¶83, ¶312) with their own PFS. */
    static List<ChildProposalSpec> predefinedIpsec(String set) {
        switch (set) {
            case "standard":
                return List.of(ipsecPredefined("g2-esp-3des-sha"), ipsecPredefined("g2-esp-aes128-sha"));
            case "compatible":
                return List.of(ipsecPredefined("nopfs-esp-3des-sha"), ipsecPredefined("nopfs-esp-3des-md5"),
                        ipsecPredefined("nopfs-esp-des-sha"), ipsecPredefined("nopfs-esp-des-md5"));
            case "basic":
                return List.of(ipsecPredefined("nopfs-esp-des-sha"), ipsecPredefined("nopfs-esp-des-md5"));
            default:
                throw new IllegalArgumentException("unknown proposal set " + set);
        }
    }

    static ChildProposalSpec ipsecPredefined(String name) {
        String[] w = name.split("-");
        Algorithm pfs = w[0].equals("nopfs") ? null : group("group" + w[0].substring(1));
        Algorithm enc = w[2].equals("aes128") ? Algorithm.AES_128_CBC : w[2].equals("3des") ? Algorithm.TDES_CBC : Algorithm.DES_CBC;
        Algorithm integ = w[3].equals("sha") ? Algorithm.HMAC_SHA1_96 : Algorithm.HMAC_MD5_96;
        return new ChildProposalSpec(name, Ike.PROTO_ESP, enc, integ, pfs, 3600, 0);
    }

    static Algorithm ipsecEncryption(String keyword) {
        switch (keyword) {
            case "des-cbc": return Algorithm.DES_CBC;
            case "3des-cbc": return Algorithm.TDES_CBC;
            case "aes-128-cbc": return Algorithm.AES_128_CBC;
            case "aes-192-cbc": return Algorithm.AES_192_CBC;
            case "aes-256-cbc": return Algorithm.AES_256_CBC;
            case "aes-128-gcm": return Algorithm.AES_128_GCM_16;
            case "aes-192-gcm": return Algorithm.AES_192_GCM_16;
            case "aes-256-gcm": return Algorithm.AES_256_GCM_16;
            case "chacha20-poly1305": return Algorithm.CHACHA20_POLY1305;
            default: return null;
        }
    }

    static Algorithm ipsecIntegrity(String keyword) {
        switch (keyword) {
            case "hmac-md5-96": return Algorithm.HMAC_MD5_96;
            case "hmac-sha1-96": return Algorithm.HMAC_SHA1_96;
            case "hmac-sha-256-128": return Algorithm.HMAC_SHA2_256_128;
            case "hmac-sha-384-192": case "hmac-sha-384": return Algorithm.HMAC_SHA2_384_192;
            case "hmac-sha-512-256": case "hmac-sha-512": return Algorithm.HMAC_SHA2_512_256;
            default: return null;
        }
    }

    /** {@code service}: {@code any}, a predefined {@code junos-*} application or one of {@code [edit applications]}. */
    private TrafficSelector[] service(ConfigView root, String service, TrafficSelector local, TrafficSelector remote) {
        if (service.equals("any")) {
            return new TrafficSelector[] {local, remote};
        }
        int protocol;
        int port;
        Optional<ConfigView> app = root.find("applications").flatMap(a -> a.entry("application", service));
        if (app.isPresent()) {
            protocol = protocolNumber(app.get().leaf("protocol").orElse("0"));
            port = app.get().leaf("destination-port").map(PolicyMapper::portNumber).orElse(-1);
        } else {
            int[] known = predefinedApplication(service);
            if (known == null) {
                problems.add("service " + service + " is not known: proxy identity uses any protocol and port");
                return new TrafficSelector[] {local, remote};
            }
            protocol = known[0];
            port = known[1];
        }
        TrafficSelector l = new TrafficSelector(local.start(), local.end(), protocol, 0, 65535);
        TrafficSelector r = new TrafficSelector(remote.start(), remote.end(), protocol, port < 0 ? 0 : port, port < 0 ? 65535 : port);
        return new TrafficSelector[] {l, r};
    }

    static int[] predefinedApplication(String name) {
        switch (name) {
            case "junos-http": return new int[] {6, 80};
            case "junos-https": return new int[] {6, 443};
            case "junos-ssh": return new int[] {6, 22};
            case "junos-telnet": return new int[] {6, 23};
            case "junos-ftp": return new int[] {6, 21};
            case "junos-smtp": return new int[] {6, 25};
            case "junos-dns-udp": return new int[] {17, 53};
            case "junos-dns-tcp": return new int[] {6, 53};
            case "junos-ntp": return new int[] {17, 123};
            case "junos-icmp-all": case "junos-ping": return new int[] {1, -1};
            default: return null;
        }
    }

    static int protocolNumber(String p) {
        switch (p) {
            case "tcp": return 6;
            case "udp": return 17;
            case "icmp": return 1;
            case "icmp6": return 58;
            case "gre": return 47;
            default:
                try {
                    return Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    return 0;
                }
        }
    }

    static int portNumber(String p) {
        int dash = p.indexOf('-');
        try {
            return Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
        } catch (NumberFormatException e) {
            switch (p) {
                case "http": return 80;
                case "https": return 443;
                case "ssh": return 22;
                case "telnet": return 23;
                default: return -1;
            }
        }
    }

    /**
     * A policy-based VPN without proxy-identity: the selectors are those of the first security policy that
     * tunnels into it ({@code then permit tunnel ipsec-vpn V}): source-address ↔ destination-address (¶91).
     */
    private Object[] fromSecurityPolicy(ConfigView root, String vpn, boolean ipv6) {
        String any = ipv6 ? "::/0" : "0.0.0.0/0";
        Optional<ConfigView> policies = root.find("security", "policies");
        if (policies.isPresent()) {
            for (ConfigView context : policies.get().children("from-zone")) {
                List<String> zones = context.arguments();
                String from = zones.isEmpty() ? null : zones.get(0);
                String to = zones.size() >= 3 ? zones.get(2) : zones.size() >= 2 ? zones.get(1) : null;
                for (ConfigView p : context.children("policy")) {
                    boolean tunnels = p.find("then", "permit", "tunnel").flatMap(t -> t.leaf("ipsec-vpn")).map(vpn::equals)
                            .orElse(false);
                    if (!tunnels) {
                        continue;
                    }
                    List<String> sources = p.find("match").map(m -> m.values("source-address")).orElse(List.of());
                    List<String> destinations = p.find("match").map(m -> m.values("destination-address")).orElse(List.of());
                    String src = sources.isEmpty() ? "any" : sources.get(0);
                    String dst = destinations.isEmpty() ? "any" : destinations.get(0);
                    TrafficSelector l = TrafficSelector.ofPrefix(resolveAddress(root, from, src, any));
                    TrafficSelector r = TrafficSelector.ofPrefix(resolveAddress(root, to, dst, any));
                    return new Object[] {l, r, p.value()};
                }
            }
        }
        problems.add("VPN " + vpn + " has neither bind-interface, proxy-identity nor a tunnel policy: 0/0 selectors");
        return new Object[] {TrafficSelector.ofPrefix(any), TrafficSelector.ofPrefix(any), null};
    }

    /** An address-book name as a prefix: the zone's book, books attached to the zone, the global book. */
    private String resolveAddress(ConfigView root, String zone, String name, String any) {
        if (name.startsWith("any")) {
            return any;
        }
        List<ConfigView> books = new ArrayList<>();
        if (zone != null) {
            root.find("security", "zones").flatMap(z -> z.entry("security-zone", zone)).flatMap(z -> z.child("address-book"))
                    .ifPresent(books::add);
        }
        for (ConfigView book : root.find("security").map(s -> s.children("address-book")).orElse(List.of())) {
            boolean attached = zone != null && book.find("attach").map(a -> a.entry("zone", zone).isPresent()).orElse(false);
            if (attached || "global".equals(book.value())) {
                books.add(book);
            }
        }
        for (ConfigView book : books) {
            Optional<ConfigView> a = book.entry("address", name);
            if (a.isPresent()) {
                Optional<String> prefix = a.get().leaf("ip-prefix");
                if (prefix.isPresent()) {
                    return prefix.get();
                }
                List<String> args = a.get().arguments();
                if (args.size() > 1) {
                    return args.get(1);
                }
                for (ConfigView c : a.get().children()) {
                    if (c.keyword().contains(".") || c.keyword().contains(":")) {
                        return c.keyword();
                    }
                }
            }
        }
        problems.add("address " + name + " of zone " + zone + " does not resolve to a prefix: 0/0 used");
        return any;
    }
}
