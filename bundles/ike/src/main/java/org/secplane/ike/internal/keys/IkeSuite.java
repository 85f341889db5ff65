package org.secplane.ike.internal.keys;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;

/** The algorithms negotiated for an IKE SA. */
public final class IkeSuite {

    public final Algorithm encryption;
    /** {@code null} with an AEAD. */
    public final Algorithm integrity;
    public final Algorithm prf;
    public final Algorithm dh;

    public IkeSuite(Algorithm encryption, Algorithm integrity, Algorithm prf, Algorithm dh) {
        this.encryption = encryption;
        this.integrity = integrity;
        this.prf = prf;
        this.dh = dh;
    }

    public boolean aead() {
        return encryption.type() == AlgorithmType.AEAD;
    }

    /** SK_e length: the key and, for AEAD and counter modes, the salt (RFC 5282 §7). */
    public int encryptionKeySize() {
        return encryption.keySize() + encryption.saltSize();
    }

    public int integrityKeySize() {
        return integrity == null ? 0 : integrity.keySize();
    }

    /** SK_d, SK_pi, SK_pr: the PRF's preferred key size (its output size for HMAC). */
    public int prfKeySize() {
        return prf.keySize();
    }

    @Override
    public String toString() {
        return encryption.label() + "/" + (integrity == null ? "-" : integrity.label()) + "/" + prf.label() + "/" + dh.label();
    }
}
