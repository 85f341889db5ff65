package org.secplane.keystore;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The protected store of every PKI object file ("the certificate store" of the guide), one file per
 * object below the state directory's {@code pki} area, {@code <kind>/<name>}.
 *
 * <ul>
 * <li>Every file carries a MAC (HMAC-SHA-256 under the device's integrity key) over its kind, name,
 * attributes, content and sealed secret, so a modified, truncated, renamed or swapped file is detected
 * whenever it is read, and named by {@link #verifyIntegrity()}.</li>
 * <li>A secret (a private key) is encrypted with AES-256-GCM under the device's key-encryption key and is
 * decrypted only inside {@link #withSecret}, into an array zeroed when the function returns.</li>
 * <li>A manifest, itself MAC-protected, records every object and the MAC of its current version, so a
 * deleted file, an added file and an older copy put back are detected.</li>
 * <li>Every change is crash-safe: written atomically (temporary file, fsync, rename), files and
 * directories owner-only (0600/0700).</li>
 * </ul>
 *
 * <p>Kinds are lower-case words; the PKI uses those below. Names follow the guide's certificate-id and
 * CA-profile rules ({@link #isValidName}). Thread-safe.
 */
@ProviderType
public interface PkiObjectStore {

    /** Key pairs: owned by the {@link KeyPairStore}; other users only read them. */
    String KEY_PAIR = "key-pair";
    /** Local (end-entity) certificates, by certificate-id. */
    String LOCAL_CERTIFICATE = "local-certificate";
    /** Certificate requests (pending certificates), by certificate-id. */
    String CERTIFICATE_REQUEST = "certificate-request";
    /** CA certificates, by CA profile. */
    String CA_CERTIFICATE = "ca-certificate";
    /** CRLs, by CA profile. */
    String CRL = "crl";

    /** Longest accepted object name. */
    int MAX_NAME_LENGTH = 63;

    /** Letters, digits, {@code . - _}, 1..63 characters, not starting with {@code .} or {@code -}. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0," + (MAX_NAME_LENGTH - 1) + "}");

    /** A kind: a lower-case word with inner hyphens. */
    Pattern KIND = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Whether {@code name} can name an object (and so a file: no name can leave the store). */
    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The rule, for error messages. */
    static String nameRule() {
        return "use 1.." + MAX_NAME_LENGTH + " letters, digits, '.', '-' or '_', starting with a letter, digit or '_'";
    }

    /**
     * Creates or replaces an object. {@code secret} (may be {@code null}) is encrypted at rest; the caller
     * zeroes its array.
     */
    void write(PkiObject object, byte[] secret) throws PkiStoreException;

    /** The object after checking its integrity; empty when there is none; {@code DAMAGED} when it fails. */
    Optional<PkiObject> read(String kind, String name) throws PkiStoreException;

    /** Whether a file for the object exists (without checking it). */
    boolean exists(String kind, String name);

    /**
     * Runs {@code use} on the decrypted secret of an object; the array is zeroed as soon as {@code use}
     * returns or throws, so {@code use} must not keep it.
     */
    <R> R withSecret(String kind, String name, SecretFunction<R> use) throws PkiStoreException;

    /** Names of the stored objects of a kind, sorted. */
    List<String> names(String kind);

    /** Removes an object; {@code false} when there was none. */
    boolean delete(String kind, String name) throws PkiStoreException;

    /**
     * Checks every PKI object file ({@code request security pki verify-integrity-status}): the device keys,
     * the manifest, each file's MAC and identity, secrets that must decrypt, key pairs whose private key must
     * match their public key (or be present in the token); files missing or not in the manifest.
     */
    IntegrityReport verifyIntegrity();

    /** Something done with a decrypted secret. */
    @FunctionalInterface
    interface SecretFunction<R> {
        R apply(byte[] secret) throws Exception;
    }
}
