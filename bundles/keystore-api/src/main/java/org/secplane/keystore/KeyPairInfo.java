package org.secplane.keystore;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import org.secplane.crypto.Algorithm;

/** What is known of a stored key pair without touching its private key. Immutable. */
public final class KeyPairInfo {

    /** Where the private key lives. */
    public enum Backend {
        /** encrypted in the state directory, decrypted only for the duration of an operation */
        SOFTWARE("software"),
        /** generated in and never leaving a PKCS#11 token */
        PKCS11("pkcs11");

        private final String label;

        Backend(String label) {
            this.label = label;
        }

        /** As in {@code etc/org.secplane.keystore.cfg}: {@code software}, {@code pkcs11}. */
        public String label() {
            return label;
        }

        public static Backend byLabel(String label) {
            for (Backend backend : values()) {
                if (backend.label.equals(label)) {
                    return backend;
                }
            }
            throw new IllegalArgumentException("unknown key store backend '" + label + "', expecting software or pkcs11");
        }
    }

    private final String certificateId;
    private final KeyType type;
    private final int size;
    private final PublicKey publicKey;
    private final Backend backend;
    private final Instant created;

    public KeyPairInfo(String certificateId, KeyType type, int size, PublicKey publicKey, Backend backend, Instant created) {
        this.certificateId = Objects.requireNonNull(certificateId);
        this.type = Objects.requireNonNull(type);
        this.size = size;
        this.publicKey = Objects.requireNonNull(publicKey);
        this.backend = Objects.requireNonNull(backend);
        this.created = Objects.requireNonNull(created);
    }

    public String certificateId() {
        return certificateId;
    }

    public KeyType type() {
        return type;
    }

    /** Key size in bits. */
    public int size() {
        return size;
    }

    /** The public key (X.509 SubjectPublicKeyInfo in {@link PublicKey#getEncoded()}). */
    public PublicKey publicKey() {
        return publicKey;
    }

    public Backend backend() {
        return backend;
    }

    public Instant created() {
        return created;
    }

    /** The guide's default signature for this key ({@link KeyType#defaultSignature(int)}). */
    public Algorithm defaultSignature() {
        return type.defaultSignature(size);
    }

    @Override
    public String toString() {
        return "key pair " + certificateId + " (" + type.label() + " " + size + " bits, " + backend.label() + ")";
    }
}
