package org.secplane.ike.internal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.ike.internal.keys.Algorithms;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Proposal;
import org.secplane.ike.internal.message.Transform;

/** One IKE proposal ({@code security ike proposal P} or a predefined {@code pre-g2-aes128-sha}). */
public final class IkeProposalSpec {

    public final String name;
    public final AuthMethod authMethod;
    public final Algorithm encryption;
    /** {@code null} with an AEAD. */
    public final Algorithm integrity;
    public final Algorithm prf;
    public final Algorithm dh;
    public final int lifetimeSeconds;

    public IkeProposalSpec(String name, AuthMethod authMethod, Algorithm encryption, Algorithm integrity, Algorithm prf,
            Algorithm dh, int lifetimeSeconds) {
        this.name = name;
        this.authMethod = authMethod;
        this.encryption = encryption;
        this.integrity = encryption.type() == AlgorithmType.AEAD ? null : integrity;
        this.prf = prf;
        this.dh = dh;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    /** The proposal substructure with this proposal's transforms. */
    public Proposal toWire(int number, byte[] spi) {
        List<Transform> t = new ArrayList<>(4);
        t.add(Algorithms.encryptionTransform(encryption));
        t.add(Algorithms.prfTransform(prf));
        if (integrity != null) {
            t.add(Algorithms.integrityTransform(integrity));
        }
        t.add(Algorithms.dhTransform(dh));
        return new Proposal(number, Ike.PROTO_IKE, spi, t);
    }

    /** Whether the peer's proposal offers exactly these algorithms (the peer may offer more per type). */
    public boolean matches(Proposal p, boolean ignoreDh) {
        if (p.protocol != Ike.PROTO_IKE) {
            return false;
        }
        return offers(p, Algorithms.encryptionTransform(encryption))
                && offers(p, Algorithms.prfTransform(prf))
                && (integrity == null ? noIntegrity(p) : offers(p, Algorithms.integrityTransform(integrity)))
                && (ignoreDh || offers(p, Algorithms.dhTransform(dh)));
    }

    static boolean offers(Proposal p, Transform wanted) {
        for (Transform t : p.transforms) {
            if (t.sameAs(wanted) && !t.unknownAttributes) {
                return true;
            }
        }
        return false;
    }

    static boolean noIntegrity(Proposal p) {
        for (Transform t : p.transforms) {
            if (t.type == Ike.INTEG && t.id != Ike.AUTH_NONE) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IkeProposalSpec)) {
            return false;
        }
        IkeProposalSpec s = (IkeProposalSpec) o;
        return name.equals(s.name) && authMethod == s.authMethod && encryption == s.encryption && integrity == s.integrity
                && prf == s.prf && dh == s.dh && lifetimeSeconds == s.lifetimeSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, authMethod, encryption, integrity, prf, dh, lifetimeSeconds);
    }

    @Override
    public String toString() {
        return name + "(" + encryption.label() + "/" + (integrity == null ? "-" : integrity.label()) + "/" + prf.label() + "/"
                + dh.label() + ")";
    }
}
