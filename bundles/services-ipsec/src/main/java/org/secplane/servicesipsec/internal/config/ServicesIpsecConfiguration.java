package org.secplane.servicesipsec.internal.config;

import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitContext;
import org.secplane.config.SchemaContribution;
import org.secplane.config.schema.Schema;

/**
 * This bundle's configuration statements and their commit checks (plain Java; the component registers
 * it): the services-PIC IPsec front end {@code [edit services ipsec-vpn]} with the IPsec parts of
 * {@code [edit services service-set]}, and the ES-PIC {@code [edit security ipsec security-association]}
 * (spec ipsec-services-and-es-pic.md). Statements: {@link ServicesSchema}, {@link EsPicSchema}, the shared
 * manual-SA body {@link ManualSaSchema}; checks: {@link ServicesChecks}, {@link EsPicChecks},
 * {@link ManualSaChecks}, {@link SpiDomain}.
 *
 * <p>Decisions (spec §6.2 rulings followed unless said otherwise):
 * <ul>
 * <li><b>D-3 algorithms.</b> Strict profile: the seeds' enumerations for both hierarchies (des/3des,
 * md5/sha1, hmac-md5-96/hmac-sha1-96, group1/group2). The later-Junos keywords of the brief are for the SRX
 * hierarchies; here {@code dh-group group5} is refused (Appendix D item 10). There is no profile switch in
 * the configuration API, so no lenient mode.</li>
 * <li><b>D-5 aliases.</b> {@code pre-shared-key}→{@code pre-shared-keys}, {@code perfect-forward-security}
 * →{@code perfect-forward-secrecy}, {@code bi-directional}→{@code bidirectional}, {@code proposal [ ]}→
 * {@code proposals [ ]} (IKE policy) are accepted and shown canonically. D-5 also asks for a warning on
 * input; the engine normalises aliases when the value is set and keeps no trace of the spelling, so no
 * commit check can see it (reported as an API gap).</li>
 * <li><b>D-7 SPI range.</b> 256..16639 as a schema range: 24576 and 20001 fail when loaded, with the
 * engine's "is not within range (256..16639)". Because the engine's load is all-or-nothing, a file that
 * also holds the 23-character key of EX-1 reports only the SPI; the key error shows once the SPI is fixed.</li>
 * <li><b>D-9.</b> {@code dynamic} without {@code ipsec-policy} and an IKE policy without {@code proposals}
 * are accepted (implicit proposals). IKE proposal leaves default to pre-shared-keys, group2, sha1, 3des-cbc
 * (V-S29); lifetimes default to 3600 (IKE) and 28800 (IPsec). An IPsec proposal's {@code protocol} defaults
 * to esp (later Junos), and V-S05 then requires at least one algorithm.</li>
 * <li><b>D-10, D-11.</b> A term needs exactly one of {@code manual}/{@code dynamic} (a schema choice, so
 * setting one replaces the other; the check reports neither) and {@code remote-gateway};
 * {@code match-direction} is mandatory.</li>
 * <li><b>D-12.</b> ES-PIC {@code mode} defaults to tunnel; a tunnel-mode SA used by no es- interface gets
 * a warning (V-E09).</li>
 * <li><b>D-16 SPI uniqueness.</b> Receive side (inbound, bidirectional) unique per domain; send side unique
 * per peer. Services: one domain per local gateway (service sets sharing it), a rule used by no service
 * set is its own domain; the peer is the term's remote-gateway. ES PIC: one domain per router; the peer is
 * the tunnel destination of the es- interfaces using the SA, and SAs with no known peer are compared with
 * each other (the guide's literal "unique SPI and protocol combination"). One-direction SAs: warning.</li>
 * <li><b>D-17, D-18.</b> 3DES K1=K2 and K2=K3 are errors (K1=K3 is allowed); the 4 weak and 12 semi-weak
 * DES keys are errors for DES and for every 3DES third; parity bits are masked in all comparisons.</li>
 * <li><b>D-19.</b> {@code ipsec-sa} references from BGP and OSPFv3 to undefined SAs are not checked. An
 * existing SA used by OSPFv3 must be manual transport (error, V-E07); by an es- interface tunnel (error);
 * by BGP manual transport (warning).</li>
 * <li><b>D-20.</b> AH on the ES PIC (M-series only), tunnel mode needing an ES PIC, more than 512 dynamic
 * SAs per ES PIC, and the [EXT] protocol limits of V-E11 are warnings.</li>
 * <li><b>D-22.</b> Every key and PSK is a sealed secret ({@code $9$} accepted and decoded); checks read
 * clear text only through {@link CommitContext#revealSecret} and zero it at once.</li>
 * <li><b>D-24, D-25.</b> Service sets: {@code ipsec-vpn { local-gateway }} and the later
 * {@code ipsec-vpn-options { local-gateway }} (a choice: either spelling, never both),
 * {@code ipsec-vpn-rules} and {@code ipsec-vpn-rule-sets}, and next-hop ({@code next-hop-service}) or
 * interface style ({@code interface-service { service-interface }}) — interface style is in scope because
 * it differs only in where traffic enters, not in anything this bundle checks. Service interfaces must be
 * configured sp- units; next-hop ones need {@code service-domain inside|outside}. A local gateway that is
 * no interface address gets a warning.</li>
 * <li><b>D-26.</b> {@code from} addresses are IPv4 prefixes (a bare address means /32), several allowed.</li>
 * <li><b>V-M10.</b> ESP without authentication is legal (the guides' own examples) but warned about.
 * <b>V-M13.</b> {@code auxiliary-spi} without bundle: warning, ignored. <b>V-S23.</b> Signature proposals
 * without local-certificate/local-key-pair: warning. <b>A18.</b> A rule set's rules are a leaf-list, so both
 * {@code rule r1; rule r2;} and {@code rule [ r1 r2 ];} load, in order.</li>
 * </ul>
 */
public class ServicesIpsecConfiguration implements SchemaContribution, CommitCheck {

    @Override
    public List<Schema.Anchored> statements() {
        return List.of(
                Schema.at("services", ServicesSchema.ipsecVpn(), ServicesSchema.serviceSet()),
                Schema.at("security ipsec", EsPicSchema.securityAssociation()));
    }

    @Override
    public void check(CommitContext context) {
        ServicesChecks.check(context);
        EsPicChecks.check(context);
    }
}
