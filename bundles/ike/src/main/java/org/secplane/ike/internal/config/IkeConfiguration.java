package org.secplane.ike.internal.config;

import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitContext;
import org.secplane.config.SchemaContribution;
import org.secplane.config.schema.Schema;

/**
 * This bundle's configuration statements, {@code [edit security ike]}, and their commit checks (plain Java;
 * the component registers it). Statements: {@link IkeSchema}; checks: {@link IkeChecks}.
 *
 * <h2>Checks (ipsec-srx.md)</h2>
 * <ul>
 * <li>D-07 {@code proposal-set} and {@code proposals} are mutually exclusive; a policy needs one of them.</li>
 * <li>D-08 at most 4 proposals per policy, D-27 at most 5 gateway addresses and no prefixes: schema.</li>
 * <li>D-09 proposals of one policy with different DH groups: warning.</li>
 * <li>D-10 {@code proposal-set} with {@code certificate}: error.</li>
 * <li>D-15 a custom proposal used by a policy needs authentication-method, dh-group, authentication-algorithm
 * and encryption-algorithm: error on the proposal.</li>
 * <li>D-26 {@code mode} on a policy used only by {@code v2-only} gateways: warning.</li>
 * <li>D-28 a gateway has exactly one of {@code address} and {@code dynamic}.</li>
 * <li>D-37 {@code external-interface} is mandatory (schema), must be a configured interface unit (error), and its
 * security zone (or the interface's own host-inbound-traffic) must allow {@code system-services ike} or
 * {@code all} (warning, as is an interface in no zone).</li>
 * <li>D-64 a policy authenticating with pre-shared keys (a {@code proposal-set}, or a proposal with
 * {@code authentication-method pre-shared-keys}) needs {@code pre-shared-key}.</li>
 * <li>D-23 a {@code dynamic} IKEv1 gateway whose policy uses pre-shared keys in main mode: warning.</li>
 * <li>§1.19 a DPD {@code threshold} other than 5 on a {@code v2-only} gateway is ignored: warning.</li>
 * <li>§2.1.5 traceoptions {@code files} needs {@code size} and a file name, and {@code size} needs {@code files}
 * and a file name: error.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li><b>Ruling change to D-03 (algorithms beyond the 2014 guide).</b> D-03 kept AES-GCM, SHA-2 beyond 256,
 * ECDSA and elliptic-curve groups out of the configuration. The IKEv2 and IPsec work needs them (AES-GCM,
 * SHA-2 and ECP groups are what current peers offer), so they are accepted with the later Junos keywords and
 * without a profile flag: {@code authentication-method ecdsa-signatures-256|ecdsa-signatures-384},
 * {@code authentication-algorithm sha-384|sha-512}, {@code encryption-algorithm aes-128-gcm|aes-256-gcm}, and
 * {@code dh-group} (also IPsec PFS {@code keys}) {@code group15 group16 group19 group20 group21} plus
 * {@code group31} (Curve25519, a secplane extension that Junos does not have). Acceptance item §6.1-16
 * "group19 ERR" is superseded; an unknown group such as {@code group3} is still rejected.</li>
 * <li><b>AES-GCM IKE proposals are IKEv2 only.</b> RFC 5282 defines AEAD ciphers for the IKEv2 SA; IKEv1
 * Phase 1 has no AEAD transforms. A policy with a GCM proposal used by a gateway that is not {@code version
 * v2-only} is a commit error. {@code authentication-algorithm} stays mandatory for GCM proposals: with an
 * AEAD cipher it selects the IKEv2 PRF.</li>
 * <li><b>Traceoptions {@code files}/{@code size}/file name</b> (§2.1.5 cmt-err, §6.1-13): an error, worded as
 * for {@code security pki traceoptions}. The PKI guide's transcript commits {@code set file size 1m} alone
 * (pki.md, recommended traceoptions), but that contradicts the guide's own rule (L4258, L4267); pki.md §6.2-22
 * rules it a documentation bug for PKI and IKE alike, and the two hierarchies must behave the same.</li>
 * <li><b>{@code trusted-ca}</b> takes {@code use-all} or a CA index; the guide gives no index range, so any
 * unsigned 32-bit number is accepted.</li>
 * <li><b>{@code dynamic connections-limit}</b> 1..10000 (D-28); the dynamic peer identities are one choice.</li>
 * <li><b>{@code local-identity distinguished-name}</b> is a flag (the local certificate's DN);
 * {@code remote-identity distinguished-name} (and {@code dynamic distinguished-name}) holds {@code container} and
 * {@code wildcard} and is a presence container, as is {@code dead-peer-detection} (alone it enables DPD with the
 * defaults).</li>
 * <li><b>Defaults</b> (shown in the Config Admin projection): proposal {@code lifetime-seconds} 28800 (D-15),
 * policy {@code mode main} (D-26), gateway {@code version v1-only}, {@code nat-keepalive} 5, DPD
 * {@code interval} 10 and {@code threshold} 5, {@code respond-bad-spi} 5, trace {@code files} 10 and
 * {@code size} 128k.</li>
 * <li><b>Config Admin factory PIDs</b>: {@code org.secplane.ike.proposal}, {@code org.secplane.ike.policy},
 * {@code org.secplane.ike.gateway}, {@code org.secplane.ike.traceoptions}. {@code respond-bad-spi} is a leaf
 * directly below {@code security ike} and so has no object of its own.</li>
 * </ul>
 */
public class IkeConfiguration implements SchemaContribution, CommitCheck {

    @Override
    public List<Schema.Anchored> statements() {
        return List.of(Schema.at("security", IkeSchema.ike()));
    }

    @Override
    public void check(CommitContext context) {
        new IkeChecks(context).run();
    }
}
