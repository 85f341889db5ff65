package org.secplane.keystore;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;

/**
 * The key pairs of the PKI, named by certificate-id ({@code request security pki generate-key-pair},
 * {@code clear security pki key-pair}). A private key never leaves its store: it is used through a
 * {@link Signer} operator. Key pairs survive restarts; each is one PKI object of kind
 * {@link PkiObjectStore#KEY_PAIR} in the {@link PkiObjectStore}, so integrity checks cover them.
 * Thread-safe.
 */
@ProviderType
public interface KeyPairStore {

    /**
     * Generates a key pair in the configured backend and stores it under {@code certificateId}.
     *
     * @throws PkiStoreException {@code EXISTS} when the id is taken, {@code INVALID} for a bad id or a size
     *     the type does not accept ({@link KeyType#sizes()}) or the token cannot make, {@code UNAVAILABLE}
     *     when the backend cannot be used
     */
    KeyPairInfo generate(String certificateId, KeyType type, int size) throws PkiStoreException;

    /**
     * Stores a key pair made elsewhere ({@code request security pki local-certificate load … key FILE}):
     * {@code pkcs8} is a PKCS #8 PrivateKeyInfo, {@code publicKeyInfo} the X.509 SubjectPublicKeyInfo of its
     * public key. The pair must match (checked by a signature). The caller zeroes {@code pkcs8}. In a
     * PKCS#11 backend the key is imported into the token as a sensitive object.
     */
    KeyPairInfo importKeyPair(String certificateId, byte[] pkcs8, byte[] publicKeyInfo) throws PkiStoreException;

    /** Every readable key pair, sorted by certificate-id (damaged ones are named by {@link #verifyIntegrity()}). */
    List<KeyPairInfo> list() throws PkiStoreException;

    /** The key pair, empty when there is none; throws {@code DAMAGED} when its file fails its integrity check. */
    Optional<KeyPairInfo> get(String certificateId) throws PkiStoreException;

    /** Whether a key pair (or any file in its place) exists under {@code certificateId}. */
    boolean exists(String certificateId);

    /** Removes the key pair (its file, and the key in the token); {@code false} when there was none. */
    boolean delete(String certificateId) throws PkiStoreException;

    /** Removes every key pair; returns how many. */
    int deleteAll() throws PkiStoreException;

    /**
     * A signing operator for the key pair. The algorithm must fit the key ({@link KeyType#signatureAlgorithms});
     * every {@link Signer#sign} checks the key's integrity, and in the software backend decrypts the key
     * for that one operation and zeroes it after. A signer of a deleted key pair throws
     * {@link org.secplane.crypto.CryptoException}.
     */
    Signer signer(String certificateId, Algorithm algorithm) throws PkiStoreException;

    /** The backend new key pairs are generated in. */
    KeyPairInfo.Backend backend();

    /**
     * One line on the backend's state: {@code software} or {@code pkcs11 token "label" (slot N): ready},
     * or why it cannot be used.
     */
    String backendStatus();

    /** The same report as {@link PkiObjectStore#verifyIntegrity()} (key pairs are PKI objects). */
    IntegrityReport verifyIntegrity();
}
