package org.secplane.ipsec.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.secplane.config.ConfigView;
import org.secplane.config.Interfaces;
import org.secplane.crypto.Algorithm;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.internal.forward.DataPlaneSettings;

/**
 * What the committed configuration asks of the data plane: {@code security flow tcp-mss ipsec-vpn},
 * the route-based VPNs ({@code vpn V bind-interface st0.N}, with {@code proxy-identity} as the selectors
 * traffic must match before an SA exists) and the manual SAs ({@code vpn V manual}, ipsec-srx.md §2.2,
 * D-05, D-60).
 *
 * <p><b>Manual SAs.</b> One SPI and one set of keys serve both directions (D-60): the inbound SA is found by
 * (local address, protocol, SPI), the outbound one carries the same SPI to the gateway. The local address
 * is the configured address of {@code external-interface} in the gateway's family; when it has none (E8,
 * §4.8) the SA still shows and accepts packets to any local address, but has nothing to send from. Keys stay
 * sealed ({@code $8$}) until the pair is built, are revealed then, copied once per direction for the data
 * plane and wiped. Manual SAs have no lifetime and are never rekeyed; <b>anti-replay is off</b> on them, a
 * ruling of this implementation: RFC 4301 §4.5 and RFC 4303 §3.3.3 note that a manually keyed receiver cannot
 * follow a sender whose counter starts again at 1 after a restart, so with anti-replay a rebooted peer would
 * be cut off until the window caught up (never, in practice); without it the sender's 32-bit counter may
 * roll over (RFC 4303 §3.3.3).
 */
public final class DataPlaneConfiguration {

    /** {@code tcp-mss ipsec-vpn} without {@code mss} (§1.22). */
    static final int DEFAULT_MSS = 1320;

    private static final Map<String, Algorithm> MANUAL_AUTHENTICATION = Map.of(
            "hmac-md5-96", Algorithm.HMAC_MD5_96,
            "hmac-sha1-96", Algorithm.HMAC_SHA1_96,
            "hmac-sha-256-128", Algorithm.HMAC_SHA2_256_128);
    private static final Map<String, Algorithm> MANUAL_ENCRYPTION = Map.of(
            "des-cbc", Algorithm.DES_CBC,
            "3des-cbc", Algorithm.TDES_CBC,
            "aes-128-cbc", Algorithm.AES_128_CBC,
            "aes-192-cbc", Algorithm.AES_192_CBC,
            "aes-256-cbc", Algorithm.AES_256_CBC);

    private DataPlaneConfiguration() {
    }

    /**
     * The data plane's settings from the committed configuration {@code root}; {@code reveal} opens a sealed
     * secret (the caller of the returned builders zeroes nothing: the builders wipe what they reveal).
     */
    public static DataPlaneSettings of(ConfigView root, Function<String, byte[]> reveal) {
        int mss = root.find("security", "flow", "tcp-mss", "ipsec-vpn")
                .map(v -> v.leaf("mss").map(Integer::parseInt).orElse(DEFAULT_MSS)).orElse(0);
        List<DataPlaneSettings.Vpn> vpns = new ArrayList<>();
        List<DataPlaneSettings.ManualSa> manual = new ArrayList<>();
        Optional<ConfigView> ipsec = root.find("security", "ipsec");
        for (ConfigView vpn : ipsec.map(i -> i.children("vpn")).orElse(List.of())) {
            String name = vpn.value();
            Optional<String> bind = vpn.leaf("bind-interface");
            Optional<ConfigView> proxy = vpn.find("ike", "proxy-identity");
            bind.ifPresent(unit -> vpns.add(new DataPlaneSettings.Vpn(name, unit, vpn.has("ike"),
                    proxySelectors(proxy, "local"), proxySelectors(proxy, "remote"))));
            vpn.child("manual").ifPresent(block -> manual.add(manualSa(root, vpn, block, reveal)));
        }
        return new DataPlaneSettings(mss, vpns, manual);
    }

    private static List<TrafficSelector> proxySelectors(Optional<ConfigView> proxy, String side) {
        return proxy.flatMap(p -> p.leaf(side)).map(prefix -> List.of(TrafficSelector.ofPrefix(prefix))).orElse(List.of());
    }

    private static DataPlaneSettings.ManualSa manualSa(ConfigView root, ConfigView vpn, ConfigView manual,
            Function<String, byte[]> reveal) {
        String name = vpn.value();
        InetAddress gateway = literal(manual.leaf("gateway").orElseThrow());
        InetAddress local = localAddress(root, manual.leaf("external-interface").orElse(null), gateway);
        String bind = vpn.leaf("bind-interface").orElse(null);
        ChildSa.DfBit df = ChildSa.DfBit.valueOf(vpn.leaf("df-bit").orElse("clear").toUpperCase(java.util.Locale.ROOT));
        String fingerprint = String.join("|", String.valueOf(bind), df.name(), local.getHostAddress(), text(manual));
        boolean ah = manual.leaf("protocol").orElse("esp").equals("ah");
        long spi = Long.parseLong(manual.leaf("spi").orElseThrow());
        Optional<ConfigView> authentication = manual.child("authentication");
        Optional<ConfigView> encryption = manual.child("encryption");
        return new DataPlaneSettings.ManualSa(name, fingerprint, tunnelId -> {
            byte[][] integrityKeys = keys(authentication, reveal);
            byte[][] encryptionKeys = ah ? null : keys(encryption, reveal);
            return ChildSa.builder()
                    .tunnelId(tunnelId)
                    .vpn(name)
                    .origin(ChildSa.Origin.MANUAL)
                    .protocol(ah ? 51 : 50)
                    .tunnelMode(true)
                    .endpoints(local, gateway)
                    .spis(spi, spi)
                    .algorithms(ah ? null : encryption.flatMap(e -> e.leaf("algorithm")).map(MANUAL_ENCRYPTION::get).orElse(null),
                            authentication.flatMap(a -> a.leaf("algorithm")).map(MANUAL_AUTHENTICATION::get).orElse(null))
                    .inboundKeys(encryptionKeys == null ? null : encryptionKeys[0], integrityKeys == null ? null : integrityKeys[0])
                    .outboundKeys(encryptionKeys == null ? null : encryptionKeys[1], integrityKeys == null ? null : integrityKeys[1])
                    .lifetime(new Lifetime(0, 0, 0, 0))
                    .replayWindow(0)
                    .dfBit(df)
                    .bindInterface(bind)
                    .build();
        });
    }

    /** The key of an {@code authentication} or {@code encryption} block, once per direction; {@code null} if absent. */
    private static byte[][] keys(Optional<ConfigView> block, Function<String, byte[]> reveal) {
        Optional<ConfigView> key = block.flatMap(b -> b.child("key"));
        if (key.isEmpty()) {
            return null;
        }
        Optional<ConfigView> secret = key.get().child("ascii-text");
        boolean hexadecimal = secret.isEmpty();
        if (hexadecimal) {
            secret = key.get().child("hexadecimal");
        }
        if (secret.isEmpty()) {
            return null;
        }
        byte[] clear = reveal.apply(secret.get().value());
        byte[] bytes = ManualKeys.keyBytes(clear, hexadecimal);
        try {
            return new byte[][] {bytes.clone(), bytes.clone()};
        } finally {
            Arrays.fill(clear, (byte) 0);
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The configured address of {@code unit} in the family of {@code peer}, or the wildcard of that family. */
    static InetAddress localAddress(ConfigView root, String unit, InetAddress peer) {
        boolean ipv4 = peer.getAddress().length == 4;
        if (unit != null) {
            Optional<ConfigView> family = Interfaces.unit(root, unit).flatMap(u -> u.find("family", ipv4 ? "inet" : "inet6"));
            for (ConfigView address : family.map(f -> f.children("address")).orElse(List.of())) {
                String prefix = address.value();
                int slash = prefix.indexOf('/');
                return literal(slash < 0 ? prefix : prefix.substring(0, slash));
            }
        }
        return literal(ipv4 ? "0.0.0.0" : "::");
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }

    /** The statements of {@code view} and below, one line each (secrets sealed), to notice any change. */
    private static String text(ConfigView view) {
        StringBuilder out = new StringBuilder(view.statementText());
        for (ConfigView child : view.children()) {
            out.append('\n').append(text(child));
        }
        return out.toString();
    }
}
