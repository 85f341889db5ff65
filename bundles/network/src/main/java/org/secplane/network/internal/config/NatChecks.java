package org.secplane.network.internal.config;

import java.util.Optional;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of {@code [edit security nat source]} (pki.md §5.4 step 10): a rule set needs its
 * {@code from} and {@code to}, a rule its {@code match} and its {@code then source-nat} action, a pool an
 * address; interfaces and routing instances named there must exist.
 */
final class NatChecks {

    private NatChecks() {
    }

    static void check(CommitContext context, NetworkView network) {
        Optional<ConfigView> source = network.root.find("security", "nat", "source");
        if (source.isEmpty()) {
            return;
        }
        for (ConfigView ruleSet : source.get().children("rule-set")) {
            for (String direction : new String[] {"from", "to"}) {
                Optional<ConfigView> side = ruleSet.child(direction);
                if (side.isEmpty() || side.get().children().isEmpty()) {
                    context.error(ruleSet, "rule-set '" + ruleSet.value() + "' needs '" + direction
                            + "' (zone, interface or routing-instance)");
                    continue;
                }
                side.get().child("interface").ifPresent(interfaces -> {
                    for (String unit : interfaces.arguments()) {
                        if (!network.isConfigured(unit)) {
                            context.error(interfaces, NetworkView.missingUnitMessage(unit));
                        }
                    }
                });
                side.get().child("routing-instance").ifPresent(instances -> instances.arguments().stream()
                        .filter(name -> !network.hasInstance(name) && !name.equals(NetworkView.DEFAULT_INSTANCE))
                        .forEach(name -> context.error(instances, "routing instance '" + name + "' is not defined")));
            }
            if (ruleSet.children("rule").isEmpty()) {
                context.error(ruleSet, "rule-set '" + ruleSet.value() + "' has no rule");
            }
            for (ConfigView rule : ruleSet.children("rule")) {
                Optional<ConfigView> match = rule.child("match");
                if (match.isEmpty() || !(match.get().has("source-address") || match.get().has("destination-address")
                        || match.get().has("destination-port"))) {
                    context.error(rule, "rule '" + rule.value() + "' needs match criteria (source-address, "
                            + "destination-address or destination-port)");
                }
                Optional<ConfigView> action = rule.find("then", "source-nat");
                if (action.isEmpty() || action.get().children().isEmpty()) {
                    context.error(rule, "rule '" + rule.value() + "' needs an action: then source-nat (interface | pool P | off)");
                }
            }
        }
        for (ConfigView pool : source.get().children("pool")) {
            if (!pool.has("address")) {
                context.error(pool, "source NAT pool '" + pool.value() + "' needs an address");
            }
            pool.child("routing-instance").ifPresent(instance -> {
                if (!network.hasInstance(instance.value())) {
                    context.error(instance, "routing instance '" + instance.value() + "' is not defined");
                }
            });
        }
    }
}
