package org.secplane.ipsec.internal.config;

import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitContext;
import org.secplane.config.SchemaContribution;
import org.secplane.config.schema.Schema;

/**
 * This bundle's configuration statements, the SRX {@code [edit security ipsec]} hierarchy, and their commit
 * checks (plain Java; the component registers it). Statements: {@link IpsecSchema}; checks:
 * {@link IpsecChecks}; manual key rules: {@link ManualKeys}. The ES PIC {@code security-association}
 * statements come from another bundle and merge into the same {@code security ipsec} container.
 *
 * <h2>Checks (ipsec-srx.md)</h2>
 * <ul>
 * <li>D-05 manual keys have the length of their algorithm: des-cbc 8 ASCII / 16 hex, 3des-cbc 24/48,
 * aes-128/192/256-cbc 16/24/32 or 32/48/64 hex, hmac-md5-96 16/32, hmac-sha1-96 20/40, hmac-sha-256-128 32/64;
 * the error names the algorithm and both expected lengths. Keys are revealed through
 * {@code CommitContext.revealSecret} and zeroed at once.</li>
 * <li>D-04 a 3DES key whose 8-byte parts satisfy K1 = K2 or K2 = K3: warning (E8's key is such a key).</li>
 * <li>D-07 {@code proposal-set} and {@code proposals} are mutually exclusive; a policy needs one of them.
 * D-08 (at most 4 proposals) is the schema's.</li>
 * <li>D-18 {@code vpn-monitor} on a VPN whose IKE gateway has {@code dead-peer-detection}: error.</li>
 * <li>D-22 {@code bind-interface} names a configured st0 unit; several VPNs may bind to one unit only when it is
 * {@code multipoint}.</li>
 * <li>D-58 {@code vpn V ike gateway} is the name of an IKE gateway (a reference); an IP address there gets an error
 * that says so, besides the dangling-reference error.</li>
 * <li>D-64 a VPN has exactly one of {@code ike} and {@code manual}; {@code protocol ah} needs
 * {@code authentication-algorithm} and forbids {@code encryption-algorithm}; {@code protocol esp} needs at least
 * one of them; an AEAD {@code encryption-algorithm} forbids {@code authentication-algorithm}. The same protocol
 * rules apply to manual SAs ({@code authentication} / {@code encryption} blocks), whose blocks need a key.</li>
 * <li>D-37 manual {@code external-interface} is mandatory (schema); when it is not a configured interface unit the
 * commit gets a warning, not an error: the spec's own example E8 (§4.8) configures no interface and must
 * commit (§6.5-100, D-60).</li>
 * <li>D-60 two manual SAs with the same external interface, protocol and SPI: error (inbound SAs are found by
 * that triple).</li>
 * <li>{@code proxy-identity} {@code local} and {@code remote} of different address families: error.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li><b>Ruling change to D-03.</b> IPsec proposals accept the later Junos keywords the runtime needs:
 * {@code encryption-algorithm aes-128-gcm|aes-192-gcm|aes-256-gcm|chacha20-poly1305} (AEAD) and
 * {@code authentication-algorithm hmac-sha-384-192|hmac-sha-512-256} (with the aliases {@code hmac-sha-384} and
 * {@code hmac-sha-512}); PFS {@code keys} accepts the IKE groups group15, group16, group19, group20, group21 and
 * the secplane extension group31 (Curve25519). Manual SAs keep the guide's algorithms, because D-05 fixes key
 * lengths only for them (GCM keys would also need a salt).</li>
 * <li>D-09 (one DH group per policy) has no IPsec counterpart to check: an IPsec policy carries a single PFS
 * group.</li>
 * <li><b>Presence containers</b>: {@code vpn-monitor} alone enables monitoring with the defaults (and so conflicts
 * with DPD, D-18), as {@code dead-peer-detection} alone enables DPD on a gateway.</li>
 * <li><b>Defaults</b> (shown in the Config Admin projection): proposal {@code lifetime-seconds} 3600 and
 * {@code protocol esp} (lifetime-kilobytes unlimited when absent), VPN {@code df-bit clear},
 * {@code establish-tunnels on-traffic} (D-29), {@code install-interval} 1 (D-30), {@code idle-time} disabled when
 * absent (D-31), proxy-identity {@code service any}, manual {@code protocol esp}, {@code vpn-monitor-options}
 * interval 10 and threshold 10.</li>
 * <li><b>Config Admin factory PIDs</b>: {@code org.secplane.ipsec.proposal}, {@code org.secplane.ipsec.policy},
 * {@code org.secplane.ipsec.vpn}, {@code org.secplane.ipsec.vpn-monitor-options},
 * {@code org.secplane.ipsec.traceoptions}.</li>
 * </ul>
 */
public class IpsecConfiguration implements SchemaContribution, CommitCheck {

    @Override
    public List<Schema.Anchored> statements() {
        return List.of(Schema.at("security", IpsecSchema.ipsec()));
    }

    @Override
    public void check(CommitContext context) {
        new IpsecChecks(context).run();
    }
}
