package org.secplane.servicesipsec.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of {@code [edit security ipsec security-association]} (spec §3.3) and of the statements
 * that consume an SA by name ({@code ipsec-sa NAME} under BGP, OSPFv3 and es- interfaces).
 *
 * <p>V-E02 (mode values, default tunnel), V-E04 (the mandatory, existing {@code ipsec-policy}) and V-E05
 * ({@code replay-window-size 32|64}) are schema rules. V-E06 / D-19: a BGP {@code ipsec-sa} naming no SA
 * is deliberately not an error (003:L3); the run time fails closed. Platform constraints (V-E08..V-E10,
 * D-20) are warnings: the configuration carries no platform profile to enforce them under.
 */
final class EsPicChecks {

    /** Recommended maximum of dynamic SAs per ES PIC (003:L4). */
    static final int MAX_DYNAMIC_SAS_PER_PIC = 512;

    private final CommitContext context;
    private final ConfigView root;
    /** {@code ipsec-sa} statements by the SA name they reference. */
    private final Map<String, List<Consumer>> consumers = new LinkedHashMap<>();

    private enum Kind { BGP, OSPF3, ES_INTERFACE, OTHER }

    private static final class Consumer {
        final Kind kind;
        final ConfigView statement;
        final ConfigView unit;

        Consumer(Kind kind, ConfigView statement, ConfigView unit) {
            this.kind = kind;
            this.statement = statement;
            this.unit = unit;
        }
    }

    private EsPicChecks(CommitContext context) {
        this.context = context;
        this.root = context.candidate();
    }

    static void check(CommitContext context) {
        new EsPicChecks(context).run();
    }

    private void run() {
        collectConsumers(root);
        List<ConfigView> sas = root.find("security", "ipsec").map(i -> i.children("security-association")).orElse(List.of());
        SpiDomain router = new SpiDomain("ES PIC security associations of this router", new HashSet<>(),
                new java.util.HashMap<>());
        Map<String, List<ConfigView>> dynamicByPic = new LinkedHashMap<>();
        for (ConfigView sa : sas) {
            securityAssociation(sa, router, dynamicByPic);
        }
        for (Map.Entry<String, List<ConfigView>> pic : dynamicByPic.entrySet()) {
            if (pic.getValue().size() > MAX_DYNAMIC_SAS_PER_PIC) {
                // V-E10 (recommendation, D-20)
                context.warning(pic.getValue().get(MAX_DYNAMIC_SAS_PER_PIC), pic.getValue().size()
                        + " dynamic security associations use ES PIC " + pic.getKey() + "; no more than "
                        + MAX_DYNAMIC_SAS_PER_PIC + " per ES PIC are recommended");
            }
        }
        for (Map.Entry<String, List<Consumer>> entry : consumers.entrySet()) {
            Optional<ConfigView> sa = sas.stream().filter(s -> entry.getKey().equals(s.value())).findFirst();
            for (Consumer consumer : entry.getValue()) {
                sa.ifPresent(s -> consumer(consumer, s));
            }
        }
    }

    private void securityAssociation(ConfigView sa, SpiDomain router, Map<String, List<ConfigView>> dynamicByPic) {
        String mode = sa.leaf("mode").orElse("tunnel");
        Optional<ConfigView> manual = sa.child("manual");
        Optional<ConfigView> dynamic = sa.child("dynamic");
        List<Consumer> users = consumers.getOrDefault(sa.value(), List.of());
        if (manual.isEmpty() && dynamic.isEmpty()) {
            // V-E01 (both at once is impossible: they are a schema choice)
            context.error(sa, "security association needs 'manual { … }' or 'dynamic { … }'");
        }
        if (mode.equals("transport") && dynamic.isPresent()) {
            // V-E03
            context.error(dynamic.get(), "transport mode supports manual SAs only; use mode tunnel for a dynamic SA");
        }
        if (mode.equals("tunnel") && users.stream().noneMatch(u -> u.kind == Kind.ES_INTERFACE)) {
            // V-E09 with D-12: tunnel mode is performed on an ES PIC, through an es- interface
            context.warning(sa, "tunnel-mode SA is not used by any es- interface (family inet ipsec-sa "
                    + sa.value() + "); tunnel mode requires an ES PIC");
        }
        manual.ifPresent(m -> {
            ManualSaChecks.check(context, m);
            List<String> peers = new ArrayList<>();
            for (Consumer user : users) {
                if (user.kind == Kind.ES_INTERFACE) {
                    user.unit.leaf("tunnel", "destination").ifPresent(peers::add);
                }
            }
            if (peers.isEmpty()) {
                peers.add(null);
            }
            router.add(context, m, peers);
            for (ConfigView direction : m.children("direction")) {
                direction.child("protocol").ifPresent(protocol -> platform(protocol, mode));
            }
        });
        if (dynamic.isPresent()) {
            for (Consumer user : users) {
                if (user.kind == Kind.ES_INTERFACE) {
                    String device = user.unit.parent().keyword();
                    String pic = device.lastIndexOf('/') > 0 ? device.substring(0, device.lastIndexOf('/')) : device;
                    dynamicByPic.computeIfAbsent(pic, p -> new ArrayList<>()).add(sa);
                }
            }
        }
    }

    /** V-E08 (AH only on M-series) and V-E11 ([EXT] tunnel: ESP only; transport: no bundle), as warnings. */
    private void platform(ConfigView protocol, String mode) {
        String value = protocol.value();
        if (value.equals("ah") || value.equals("bundle")) {
            context.warning(protocol, "protocol " + value + " uses AH, which the ES PIC supports only on M-series platforms");
        }
        if (mode.equals("tunnel") && !value.equals("esp")) {
            context.warning(protocol, "tunnel-mode SAs support protocol esp only");
        } else if (mode.equals("transport") && value.equals("bundle")) {
            context.warning(protocol, "transport-mode SAs do not support protocol bundle");
        }
    }

    /** V-E07 (OSPFv3: manual transport only), es- interfaces (tunnel only), BGP (manual transport expected). */
    private void consumer(Consumer consumer, ConfigView sa) {
        boolean dynamic = sa.has("dynamic");
        String mode = sa.leaf("mode").orElse("tunnel");
        String what = (dynamic ? "a dynamic" : "a manual") + " " + mode + "-mode SA";
        switch (consumer.kind) {
            case OSPF3:
                if (dynamic || mode.equals("tunnel")) {
                    context.error(consumer.statement, "OSPFv3 needs a manual transport-mode SA; '" + sa.value()
                            + "' is " + what);
                }
                break;
            case ES_INTERFACE:
                if (mode.equals("transport")) {
                    context.error(consumer.statement, "an es- interface needs a tunnel-mode SA; '" + sa.value()
                            + "' is " + what);
                }
                break;
            case BGP:
                if (dynamic || mode.equals("tunnel")) {
                    context.warning(consumer.statement, "BGP sessions are protected by manual transport-mode SAs; '"
                            + sa.value() + "' is " + what);
                }
                break;
            default:
                break;
        }
    }

    /** Every {@code ipsec-sa NAME;} of the configuration, classified by the statements above it. */
    private void collectConsumers(ConfigView block) {
        for (ConfigView child : block.children()) {
            if (child.isBlock()) {
                collectConsumers(child);
            } else if (child.keyword().equals("ipsec-sa") && child.value() != null) {
                consumers.computeIfAbsent(child.value(), n -> new ArrayList<>()).add(classify(child));
            }
        }
    }

    private static Consumer classify(ConfigView statement) {
        for (ConfigView above = statement.parent(); above != null; above = above.parent()) {
            if (above.keyword().equals("ospf3")) {
                return new Consumer(Kind.OSPF3, statement, null);
            }
            if (above.keyword().equals("bgp")) {
                return new Consumer(Kind.BGP, statement, null);
            }
            ConfigView device = above.parent();
            if (above.keyword().equals("unit") && device != null && device.keyword().startsWith("es-")
                    && device.parent() != null && device.parent().keyword().equals("interfaces")) {
                return new Consumer(Kind.ES_INTERFACE, statement, above);
            }
        }
        return new Consumer(Kind.OTHER, statement, null);
    }
}
