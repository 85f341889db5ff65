package org.secplane.network.internal.config;

import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitContext;
import org.secplane.config.SchemaContribution;
import org.secplane.config.schema.Schema;

/**
 * This bundle's configuration statements and their commit checks (plain Java; the component registers it):
 * every hierarchy outside {@code security pki|ike|ipsec} and {@code services} that the specs' examples and
 * statement references use — interfaces, routing options and instances, protocols, policy options,
 * security zones, address books, policies, flow, NAT, alarms, log, user identification, applications and
 * system.
 *
 * <p>Decisions beyond the spec's rulings:
 * <ul>
 * <li>Zone interfaces, routing-instance interfaces and interface next hops are logical units; a name
 * without a unit means unit 0 and is stored as {@code name.0}, as Junos does.</li>
 * <li>Host-inbound {@code system-services} and {@code protocols}, zone {@code interfaces} and
 * {@code system name-server} are containers of keyword-less entries, so that they display as Junos does
 * ({@code system-services { ike; }}) and accept {@code except}.</li>
 * <li>D-36 is applied per zone as ruled; the {@code global} book counts as attached to every zone (see
 * {@link ZoneChecks}).</li>
 * <li>D-43: {@code replay-attacks} without a threshold means threshold 0 (alarm on the first replay);
 * {@code decryption-failures} and {@code authentication} take 1..1000000000.</li>
 * <li>Static routes take several {@code next-hop} values (ECMP) like Junos; IPv6 static routes go under
 * {@code rib inet6.0}.</li>
 * <li>Factory PIDs are placed on objects whose names are unique: interfaces (not units), zone contexts of
 * policies (policy names repeat across contexts, D-32), routing instances and the top-level
 * routing-options/protocols (instance-level copies have none).</li>
 * </ul>
 */
public class NetworkConfiguration implements SchemaContribution, CommitCheck {

    @Override
    public List<Schema.Anchored> statements() {
        return List.of(
                Schema.at("",
                        InterfaceSchema.interfaces(),
                        RoutingSchema.routingOptions(true),
                        RoutingSchema.routingInstances(),
                        RoutingSchema.protocols(true),
                        RoutingSchema.policyOptions(),
                        PolicySchema.applications(),
                        SystemSchema.system()),
                Schema.at("security",
                        ZoneSchema.zones(),
                        ZoneSchema.addressBooks(),
                        PolicySchema.policies(),
                        SecurityOptionsSchema.flow(),
                        SecurityOptionsSchema.nat(),
                        SecurityOptionsSchema.alarms(),
                        SecurityOptionsSchema.log(),
                        SecurityOptionsSchema.userIdentification()));
    }

    @Override
    public void check(CommitContext context) {
        NetworkView network = new NetworkView(context.candidate());
        InterfaceChecks.check(context, network);
        ZoneChecks.check(context, network);
        PolicyChecks.check(context, network);
        RoutingChecks.check(context, network);
        NatChecks.check(context, network);
        SystemChecks.check(context, network);
    }
}
