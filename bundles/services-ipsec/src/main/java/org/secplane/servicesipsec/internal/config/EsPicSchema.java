package org.secplane.servicesipsec.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.ListNode;

/**
 * {@code [edit security ipsec security-association NAME]} of the M/T-series ES PIC (spec §2.2, E-01..E-13).
 * It merges into the {@code security ipsec} container whose SRX statements (proposal, policy, vpn) another
 * bundle contributes; the dynamic SA's {@code ipsec-policy} names one of those {@code security ipsec policy}
 * entries, which is what the ES PIC uses (§1.2).
 */
final class EsPicSchema {

    static final String SECURITY_IPSEC_POLICY_PATH = "security ipsec policy";

    private EsPicSchema() {
    }

    static ListNode securityAssociation() {
        return list("security-association", key(name("sa-name")),
                leaf("description", string("description")).help("Text description of the security association"),
                leaf("mode", enumeration("transport", "tunnel")).defaultValue("tunnel")
                        .help("transport: manual SAs protecting BGP or OSPFv3 sessions of this router; "
                                + "tunnel (default): IKE-negotiated or manual SAs on an ES PIC"),
                choice(
                        ManualSaSchema.manual(),
                        container("dynamic",
                                leaf("ipsec-policy", reference("policy-name", SECURITY_IPSEC_POLICY_PATH)).mandatory()
                                        .help("IPsec policy ([edit security ipsec policy]) of the negotiated SA"),
                                leaf("replay-window-size", enumeration("32", "64"))
                                        .help("Anti-replay window: 32 or 64 packets"))
                                .help("Dynamic SA negotiated with IKE")))
                .pid("org.secplane.ipsec.security-association")
                .help("IPsec security association for an ES PIC, BGP or OSPFv3");
    }
}
