package org.secplane.ike.internal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.keys.Algorithms;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Proposal;
import org.secplane.ike.internal.message.Transform;

/**
 * One IPsec proposal ({@code security ipsec proposal P} or a predefined {@code g2-esp-3des-sha}) with the PFS
 * group in effect for it (the policy's {@code perfect-forward-secrecy}, which overrides a set's, D-07).
 */
public final class ChildProposalSpec {

    public final String name;
    /** {@link Ike#PROTO_ESP} or {@link Ike#PROTO_AH}. */
    public final int protocol;
    /** {@code null} for AH and authentication-only ESP. */
    public final Algorithm encryption;
    /** {@code null} with an AEAD or encryption-only ESP. */
    public final Algorithm integrity;
    /** PFS group, or {@code null} for none. */
    public final Algorithm pfs;
    public final int lifetimeSeconds;
    /** 0 = unlimited. */
    public final long lifetimeKilobytes;

    public ChildProposalSpec(String name, int protocol, Algorithm encryption, Algorithm integrity, Algorithm pfs,
            int lifetimeSeconds, long lifetimeKilobytes) {
        this.name = name;
        this.protocol = protocol;
        this.encryption = encryption;
        this.integrity = integrity;
        this.pfs = pfs;
        this.lifetimeSeconds = lifetimeSeconds;
        this.lifetimeKilobytes = lifetimeKilobytes;
    }

    public ChildProposalSpec withPfs(Algorithm group) {
        return new ChildProposalSpec(name, protocol, encryption, integrity, group, lifetimeSeconds, lifetimeKilobytes);
    }

    /** {@code withDh}: include the PFS group (CREATE_CHILD_SA); IKE_AUTH proposals carry none (RFC 7296 §1.2). */
    public Proposal toWire(int number, byte[] spi, boolean withDh) {
        List<Transform> t = new ArrayList<>(4);
        if (encryption != null) {
            t.add(Algorithms.encryptionTransform(encryption));
        }
        if (integrity != null) {
            t.add(Algorithms.integrityTransform(integrity));
        }
        if (withDh && pfs != null) {
            t.add(Algorithms.dhTransform(pfs));
        }
        t.add(new Transform(Ike.ESN, 0, 0));
        return new Proposal(number, protocol, spi, t);
    }

    /**
     * Whether the peer's proposal offers these algorithms. {@code checkDh}: the DH transforms must agree exactly
     * (D-06: no PFS ≠ PFS group N), as in CREATE_CHILD_SA; in IKE_AUTH they are ignored.
     */
    public boolean matches(Proposal p, boolean checkDh) {
        if (p.protocol != protocol || p.spi.length != 4) {
            return false;
        }
        if (encryption != null ? !IkeProposalSpec.offers(p, Algorithms.encryptionTransform(encryption))
                : p.first(Ike.ENCR) != null) {
            return false;
        }
        if (integrity != null ? !IkeProposalSpec.offers(p, Algorithms.integrityTransform(integrity))
                : !IkeProposalSpec.noIntegrity(p)) {
            return false;
        }
        boolean esnNo = p.first(Ike.ESN) == null || IkeProposalSpec.offers(p, new Transform(Ike.ESN, 0, 0));
        if (!esnNo) {
            return false;
        }
        if (checkDh) {
            boolean peerNone = true;
            for (Transform t : p.transforms) {
                if (t.type == Ike.DH && t.id != 0) {
                    peerNone = false;
                }
            }
            if (pfs == null) {
                return peerNone;
            }
            return IkeProposalSpec.offers(p, Algorithms.dhTransform(pfs));
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChildProposalSpec)) {
            return false;
        }
        ChildProposalSpec s = (ChildProposalSpec) o;
        return name.equals(s.name) && protocol == s.protocol && encryption == s.encryption && integrity == s.integrity
                && pfs == s.pfs && lifetimeSeconds == s.lifetimeSeconds && lifetimeKilobytes == s.lifetimeKilobytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, protocol, encryption, integrity, pfs, lifetimeSeconds, lifetimeKilobytes);
    }

    @Override
    public String toString() {
        return name + "(" + (encryption == null ? "-" : encryption.label()) + "/" + (integrity == null ? "-" : integrity.label())
                + (pfs == null ? "" : "/" + pfs.label()) + ")";
    }
}
