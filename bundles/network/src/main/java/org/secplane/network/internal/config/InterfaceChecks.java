package org.secplane.network.internal.config;

import java.util.Optional;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of {@code [edit interfaces]}.
 *
 * <ul>
 * <li>D-22 (ipsec-srx.md §2.4, §6.3 item 41): {@code next-hop-tunnel} only on st0 units that are
 * {@code multipoint}, and its VPN must be bound to that unit ({@code security ipsec vpn V bind-interface},
 * read from the candidate; the ipsec bundle owns that statement). A next-hop address appears once per
 * unit by construction (it is the list key). The rule "several VPNs on one st0 unit only if multipoint"
 * is the ipsec bundle's (it is about {@code bind-interface}).</li>
 * <li>{@code multipoint} only on st0 (it is the secure-tunnel hub mode); {@code service-domain} only on
 * services PICs ({@code sp-}, {@code ms-}); {@code family inet ipsec-sa} only on ES PIC tunnels
 * ({@code es-}) and with a tunnel-mode SA; es- MTU below 3900 bytes (ipsec-services-and-es-pic.md §1.2 [EXT]).</li>
 * <li>At most one {@code primary} address per family.</li>
 * </ul>
 */
final class InterfaceChecks {

    private InterfaceChecks() {
    }

    static void check(CommitContext context, NetworkView network) {
        for (ConfigView device : network.devices()) {
            String name = device.keyword();
            device.child("mtu").ifPresent(mtu -> {
                if (name.startsWith("es-") && Long.parseLong(mtu.value()) >= 3900) {
                    context.error(mtu, "the MTU of an ES PIC interface must stay below 3900 bytes");
                }
            });
            for (ConfigView unit : device.children("unit")) {
                checkUnit(context, network, name, name + "." + unit.value(), unit);
            }
        }
    }

    private static void checkUnit(CommitContext context, NetworkView network, String device, String unitName,
            ConfigView unit) {
        boolean st0 = device.equals("st0");
        unit.child("multipoint").ifPresent(multipoint -> {
            if (!st0) {
                context.error(multipoint, "'multipoint' is only supported on secure tunnel units (st0)");
            }
        });
        unit.child("service-domain").ifPresent(domain -> {
            if (!device.startsWith("sp-") && !device.startsWith("ms-")) {
                context.error(domain, "'service-domain' is only supported on services PIC units (sp-, ms-)");
            }
        });
        for (String family : new String[] {"inet", "inet6"}) {
            unit.find("family", family).ifPresent(f -> {
                long primaries = f.children("address").stream().filter(a -> a.has("primary")).count();
                if (primaries > 1) {
                    context.error(f, "only one address of " + unitName + " family " + family + " can be primary");
                }
            });
        }
        Optional<ConfigView> inet = unit.find("family", "inet");
        if (inet.isEmpty()) {
            return;
        }
        inet.get().child("ipsec-sa").ifPresent(sa -> {
            if (!device.startsWith("es-")) {
                context.error(sa, "'ipsec-sa' is only supported on ES PIC tunnel interfaces (es-)");
            }
            // the SA's mode (an es- tunnel needs a tunnel-mode SA) is checked by the services bundle
        });
        for (ConfigView binding : inet.get().children("next-hop-tunnel")) {
            checkNextHopTunnel(context, network, st0, unitName, unit, binding);
        }
    }

    /** D-22. */
    private static void checkNextHopTunnel(CommitContext context, NetworkView network, boolean st0, String unitName,
            ConfigView unit, ConfigView binding) {
        if (!st0) {
            context.error(binding, "'next-hop-tunnel' is only supported on secure tunnel units (st0) (D-22)");
            return;
        }
        if (!unit.has("multipoint")) {
            context.error(binding, "'next-hop-tunnel' needs a multipoint unit; add 'set interfaces st0 unit "
                    + unit.value() + " multipoint' (D-22)");
        }
        String vpnName = binding.leaf("ipsec-vpn").orElse(null);
        if (vpnName == null) {
            return; // the mandatory leaf is reported by the engine
        }
        Optional<ConfigView> vpn = network.vpn(vpnName);
        if (vpn.isEmpty()) {
            return; // the dangling reference is reported by the engine
        }
        Optional<String> bound = vpn.get().leaf("bind-interface");
        if (bound.isEmpty()) {
            context.error(binding, "security ipsec vpn '" + vpnName + "' has no bind-interface; a next-hop tunnel "
                    + "binding on " + unitName + " needs a VPN bound to " + unitName + " (D-22)");
        } else if (!bound.get().equals(unitName)) {
            context.error(binding, "security ipsec vpn '" + vpnName + "' is bound to " + bound.get() + ", not to "
                    + unitName + "; a next-hop tunnel binding needs a VPN bound to its unit (D-22)");
        }
    }
}
