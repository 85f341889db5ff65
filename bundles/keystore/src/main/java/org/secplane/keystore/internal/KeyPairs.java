package org.secplane.keystore.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Signer;
import org.secplane.keystore.IntegrityFinding;
import org.secplane.keystore.IntegrityFinding.Problem;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyPairInfo.Backend;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiObject;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/**
 * {@link KeyPairStore} over a {@link FileObjectStore}: each key pair is one object of kind
 * {@code key-pair} named by its certificate-id, holding as attributes its type, size, backend and
 * creation time, as content its public key (X.509 SubjectPublicKeyInfo), and, in the software backend,
 * as its encrypted secret its private key (PKCS #8). A PKCS#11 key pair's private key stays in the token
 * under the label {@code certificate-id}.
 *
 * <p>Software keys are generated with the JDK's generators fed by the crypto registry's randomness and
 * sign through {@link CryptoRegistry#signer} (the fastest tested provider), with the key decrypted for
 * that one signature and wiped after.
 */
public final class KeyPairs implements KeyPairStore, AutoCloseable {

    static final String TYPE = "type";
    static final String SIZE = "size";
    static final String BACKEND = "backend";
    static final String CREATED = "created";
    static final String TOKEN = "token";
    static final String ALIAS = "alias";
    private static final byte[] PROBE = "secplane key pair consistency check".getBytes(StandardCharsets.US_ASCII);
    private static final ASN1ObjectIdentifier RSA_OID = new ASN1ObjectIdentifier("1.2.840.113549.1.1.1");
    private static final ASN1ObjectIdentifier DSA_OID = new ASN1ObjectIdentifier("1.2.840.10040.4.1");
    private static final ASN1ObjectIdentifier EC_OID = new ASN1ObjectIdentifier("1.2.840.10045.2.1");

    private final FileObjectStore store;
    private final CryptoRegistry registry;
    private final SecureRandom random;
    private final Consumer<String> log;
    private final Object tokenLock = new Object();
    private volatile Backend backend = Backend.SOFTWARE;
    private volatile TokenSettings tokenSettings;
    private volatile String configurationProblem;
    private Pkcs11Token token;

    public KeyPairs(FileObjectStore store, CryptoRegistry registry, Consumer<String> log) {
        this.store = store;
        this.registry = registry;
        this.random = store.random();
        this.log = log;
    }

    /**
     * Sets where new key pairs are generated, and the token ({@code null}: none configured). An open token
     * session is closed; the next use of the token logs in again.
     */
    public void configure(Backend newBackend, TokenSettings settings) {
        synchronized (tokenLock) {
            if (token != null) {
                token.close();
                token = null;
            }
            this.backend = newBackend;
            this.tokenSettings = settings;
            this.configurationProblem = null;
        }
    }

    /** The configuration cannot be used: new key pairs are refused with {@code problem} until it is fixed. */
    public void misconfigured(String problem) {
        configure(Backend.SOFTWARE, null);
        this.configurationProblem = problem;
    }

    /** The token, logging in first when needed. */
    Pkcs11Token token() throws PkiStoreException {
        synchronized (tokenLock) {
            if (token == null) {
                TokenSettings settings = tokenSettings;
                if (settings == null) {
                    throw new PkiStoreException(Reason.UNAVAILABLE, "no PKCS#11 token is configured (set backend = pkcs11 and"
                            + " library in etc/org.secplane.keystore.cfg)");
                }
                char[] pin = PinFile.read(settings.pinFile(), store.keys(), random, log);
                token = Pkcs11Token.connect(settings, pin);
            }
            return token;
        }
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public String backendStatus() {
        if (configurationProblem != null) {
            return "unavailable: " + configurationProblem;
        }
        if (backend == Backend.SOFTWARE) {
            return "software: private keys encrypted under the device key in " + store.area();
        }
        try {
            return token().description() + ": logged in";
        } catch (PkiStoreException e) {
            return "pkcs11: unavailable: " + e.getMessage();
        }
    }

    // ------------------------------------------------------------------ changes

    private static void checkId(String certificateId) throws PkiStoreException {
        if (!PkiObjectStore.isValidName(certificateId)) {
            throw new PkiStoreException(Reason.INVALID, "invalid certificate-id '" + certificateId + "': " + PkiObjectStore.nameRule());
        }
    }

    static void checkSize(KeyType type, int bits) throws PkiStoreException {
        if (!type.isValidSize(bits)) {
            throw new PkiStoreException(Reason.INVALID, "size " + bits + " is not valid for type " + type.label() + "; "
                    + type.label().toUpperCase(java.util.Locale.ROOT) + " key sizes: " + type.describeSizes());
        }
    }

    @Override
    public synchronized KeyPairInfo generate(String certificateId, KeyType type, int bits) throws PkiStoreException {
        checkId(certificateId);
        checkSize(type, bits);
        checkConfiguration();
        if (store.exists(PkiObjectStore.KEY_PAIR, certificateId)) {
            throw new PkiStoreException(Reason.EXISTS, "key pair " + certificateId + " already exists; clear it first with"
                    + " 'clear security pki key-pair certificate-id " + certificateId + "'");
        }
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (backend == Backend.PKCS11) {
            Pkcs11Token pkcs11 = token();
            freeLabel(pkcs11, certificateId);
            PublicKey publicKey = pkcs11.generate(certificateId, type, bits, random);
            try {
                return writeTokenKeyPair(pkcs11, certificateId, type, bits, publicKey, created);
            } catch (PkiStoreException | RuntimeException e) {
                pkcs11.delete(certificateId);
                throw e;
            }
        }
        KeyPair pair;
        try {
            pair = SoftwareKeys.generate(type, bits, random);
        } catch (GeneralSecurityException e) {
            throw new PkiStoreException(Reason.FAILED, "generating a " + type.label() + " " + bits + "-bit key pair failed: "
                    + e.getMessage(), e);
        }
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            store.write(PkiObject.of(PkiObjectStore.KEY_PAIR, certificateId, attributes(type, bits, Backend.SOFTWARE, created),
                    pair.getPublic().getEncoded()), pkcs8);
        } finally {
            Zeroing.wipe(pkcs8);
        }
        return new KeyPairInfo(certificateId, type, bits, pair.getPublic(), Backend.SOFTWARE, created);
    }

    private void checkConfiguration() throws PkiStoreException {
        String problem = configurationProblem;
        if (problem != null) {
            throw new PkiStoreException(Reason.UNAVAILABLE, problem);
        }
    }

    /** A label taken in the token: reused when it is a key this store left behind, refused otherwise. */
    private static void freeLabel(Pkcs11Token pkcs11, String certificateId) throws PkiStoreException {
        if (pkcs11.contains(certificateId)) {
            if (!pkcs11.ours(certificateId)) {
                throw new PkiStoreException(Reason.EXISTS, pkcs11.description() + " already holds a key labelled "
                        + certificateId + " that secplane did not make");
            }
            pkcs11.delete(certificateId);
        }
    }

    private KeyPairInfo writeTokenKeyPair(Pkcs11Token pkcs11, String certificateId, KeyType type, int bits, PublicKey publicKey,
            Instant created) throws PkiStoreException {
        Map<String, String> attributes = attributes(type, bits, Backend.PKCS11, created);
        attributes.put(TOKEN, pkcs11.description());
        attributes.put(ALIAS, certificateId);
        byte[] encoded = publicKey.getEncoded();
        store.write(PkiObject.of(PkiObjectStore.KEY_PAIR, certificateId, attributes, encoded), null);
        try {
            return new KeyPairInfo(certificateId, type, bits, SoftwareKeys.publicKey(type, encoded), Backend.PKCS11, created);
        } catch (GeneralSecurityException e) {
            throw new PkiStoreException(Reason.FAILED, "the token returned an unreadable public key: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> attributes(KeyType type, int bits, Backend backend, Instant created) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(TYPE, type.label());
        attributes.put(SIZE, Integer.toString(bits));
        attributes.put(BACKEND, backend.label());
        attributes.put(CREATED, created.toString());
        return attributes;
    }

    @Override
    public synchronized KeyPairInfo importKeyPair(String certificateId, byte[] pkcs8, byte[] publicKeyInfo) throws PkiStoreException {
        checkId(certificateId);
        checkConfiguration();
        if (store.exists(PkiObjectStore.KEY_PAIR, certificateId)) {
            throw new PkiStoreException(Reason.EXISTS, "key pair " + certificateId + " already exists");
        }
        KeyType type = typeOf(publicKeyInfo);
        PublicKey publicKey;
        PrivateKey privateKey;
        try {
            publicKey = SoftwareKeys.publicKey(type, publicKeyInfo);
            privateKey = SoftwareKeys.privateKey(type, pkcs8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PkiStoreException(Reason.INVALID, "unreadable " + type.label() + " key: " + e.getMessage(), e);
        }
        int bits = SoftwareKeys.sizeOf(publicKey);
        checkSize(type, bits);
        if (type == KeyType.ECDSA && !isNistCurve((ECPublicKey) publicKey, bits)) {
            throw new PkiStoreException(Reason.INVALID, "ECDSA keys must be on P-256 or P-384");
        }
        if (!matches(type, bits, privateKey, publicKey)) {
            throw new PkiStoreException(Reason.INVALID, "the private key does not belong to the public key");
        }
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (backend == Backend.PKCS11) {
            Pkcs11Token pkcs11 = token();
            freeLabel(pkcs11, certificateId);
            pkcs11.importKey(certificateId, privateKey, publicKey, type, bits);
            try {
                return writeTokenKeyPair(pkcs11, certificateId, type, bits, publicKey, created);
            } catch (PkiStoreException | RuntimeException e) {
                pkcs11.delete(certificateId);
                throw e;
            }
        }
        store.write(PkiObject.of(PkiObjectStore.KEY_PAIR, certificateId, attributes(type, bits, Backend.SOFTWARE, created),
                publicKey.getEncoded()), pkcs8);
        return new KeyPairInfo(certificateId, type, bits, publicKey, Backend.SOFTWARE, created);
    }

    private static KeyType typeOf(byte[] publicKeyInfo) throws PkiStoreException {
        ASN1ObjectIdentifier algorithm;
        try {
            algorithm = SubjectPublicKeyInfo.getInstance(publicKeyInfo).getAlgorithm().getAlgorithm();
        } catch (RuntimeException e) {
            throw new PkiStoreException(Reason.INVALID, "unreadable public key (not an X.509 SubjectPublicKeyInfo)", e);
        }
        if (RSA_OID.equals(algorithm)) {
            return KeyType.RSA;
        }
        if (DSA_OID.equals(algorithm)) {
            return KeyType.DSA;
        }
        if (EC_OID.equals(algorithm)) {
            return KeyType.ECDSA;
        }
        throw new PkiStoreException(Reason.INVALID, "unsupported public key algorithm " + algorithm + " (expecting RSA, DSA or ECDSA)");
    }

    private static boolean isNistCurve(ECPublicKey key, int bits) {
        try {
            java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
            parameters.init(new java.security.spec.ECGenParameterSpec(SoftwareKeys.curve(bits)));
            ECParameterSpec named = parameters.getParameterSpec(ECParameterSpec.class);
            return named.getOrder().equals(key.getParams().getOrder())
                    && named.getGenerator().equals(key.getParams().getGenerator());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether {@code privateKey} signs what {@code publicKey} verifies (through the registry). */
    private boolean matches(KeyType type, int bits, PrivateKey privateKey, PublicKey publicKey) {
        Algorithm algorithm = type.defaultSignature(bits);
        try {
            byte[] signature = registry.signer(algorithm, privateKey).sign(PROBE);
            return registry.verify(algorithm, publicKey, PROBE, signature);
        } catch (CryptoException e) {
            return false;
        }
    }

    @Override
    public synchronized boolean delete(String certificateId) throws PkiStoreException {
        checkId(certificateId);
        PkiObject object = null;
        try {
            object = store.read(PkiObjectStore.KEY_PAIR, certificateId).orElse(null);
        } catch (PkiStoreException e) {
            if (e.reason() != Reason.DAMAGED) {
                throw e;
            }
            // a damaged key pair can still be cleared
        }
        if (object != null && Backend.PKCS11.label().equals(object.attribute(BACKEND))) {
            token().delete(alias(object));
        } else if (object == null && tokenSettings != null) {
            try {
                Pkcs11Token pkcs11 = token();
                if (pkcs11.contains(certificateId) && pkcs11.ours(certificateId)) {
                    pkcs11.delete(certificateId);
                }
            } catch (PkiStoreException tokenUnavailable) {
                log.accept("key pair " + certificateId + ": could not check the token for its key: " + tokenUnavailable.getMessage());
            }
        }
        return store.delete(PkiObjectStore.KEY_PAIR, certificateId);
    }

    @Override
    public synchronized int deleteAll() throws PkiStoreException {
        int deleted = 0;
        for (String certificateId : store.recordedNames(PkiObjectStore.KEY_PAIR)) {
            if (delete(certificateId)) {
                deleted++;
            }
        }
        return deleted;
    }

    private static String alias(PkiObject object) {
        String alias = object.attribute(ALIAS);
        return alias == null ? object.name() : alias;
    }

    // ------------------------------------------------------------------ reading

    @Override
    public boolean exists(String certificateId) {
        return PkiObjectStore.isValidName(certificateId) && store.exists(PkiObjectStore.KEY_PAIR, certificateId);
    }

    @Override
    public Optional<KeyPairInfo> get(String certificateId) throws PkiStoreException {
        checkId(certificateId);
        Optional<PkiObject> object = store.read(PkiObjectStore.KEY_PAIR, certificateId);
        return object.isEmpty() ? Optional.empty() : Optional.of(info(object.get()));
    }

    @Override
    public List<KeyPairInfo> list() throws PkiStoreException {
        List<KeyPairInfo> pairs = new ArrayList<>();
        for (String certificateId : store.names(PkiObjectStore.KEY_PAIR)) {
            try {
                get(certificateId).ifPresent(pairs::add);
            } catch (PkiStoreException e) {
                if (e.reason() != Reason.DAMAGED) {
                    throw e;
                }
            }
        }
        return pairs;
    }

    static KeyPairInfo info(PkiObject object) throws PkiStoreException {
        try {
            KeyType type = KeyType.byLabel(object.attribute(TYPE));
            int bits = Integer.parseInt(object.attribute(SIZE));
            Backend backend = Backend.byLabel(object.attribute(BACKEND));
            Instant created = Instant.parse(object.attribute(CREATED));
            PublicKey publicKey = SoftwareKeys.publicKey(type, object.content());
            return new KeyPairInfo(object.name(), type, bits, publicKey, backend, created);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiStoreException(Reason.DAMAGED, "key pair " + object.name() + " is unreadable: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ signing

    @Override
    public Signer signer(String certificateId, Algorithm algorithm) throws PkiStoreException {
        KeyPairInfo info = get(certificateId).orElseThrow(() -> new PkiStoreException(Reason.NOT_FOUND,
                "key pair " + certificateId + " does not exist"));
        checkAlgorithm(info, algorithm);
        return new Signer() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] sign(byte[] data) {
                try {
                    return KeyPairs.this.sign(certificateId, algorithm, data);
                } catch (PkiStoreException e) {
                    throw new CryptoException(e.getMessage(), e);
                }
            }
        };
    }

    private static void checkAlgorithm(KeyPairInfo info, Algorithm algorithm) throws PkiStoreException {
        if (!info.type().signatureAlgorithms(info.size()).contains(algorithm)) {
            throw new PkiStoreException(Reason.INVALID, "key pair " + info.certificateId() + " (" + info.type().label() + " "
                    + info.size() + " bits) cannot sign with " + algorithm.label());
        }
    }

    /** One signature: checks the key pair's file, then signs in the token or with the decrypted key. */
    byte[] sign(String certificateId, Algorithm algorithm, byte[] data) throws PkiStoreException {
        PkiObject object = store.read(PkiObjectStore.KEY_PAIR, certificateId).orElseThrow(() -> new PkiStoreException(
                Reason.NOT_FOUND, "key pair " + certificateId + " no longer exists"));
        KeyPairInfo info = info(object);
        checkAlgorithm(info, algorithm);
        if (info.backend() == Backend.PKCS11) {
            return token().sign(alias(object), algorithm, data);
        }
        return store.withObjectAndSecret(PkiObjectStore.KEY_PAIR, certificateId, (current, pkcs8) -> {
            KeyPairInfo now = info(current);
            checkAlgorithm(now, algorithm);
            PrivateKey key = SoftwareKeys.privateKey(now.type(), pkcs8);
            return registry.signer(algorithm, key).sign(data);
        });
    }

    // ------------------------------------------------------------------ integrity

    @Override
    public IntegrityReport verifyIntegrity() {
        FileObjectStore.Verification verification = store.verifyFiles();
        for (PkiObject object : new ArrayList<>(verification.passed.values())) {
            if (object.kind().equals(PkiObjectStore.KEY_PAIR)) {
                IntegrityFinding finding = check(object);
                if (finding != null) {
                    verification.fail(finding);
                }
            }
        }
        if (configurationProblem != null) {
            verification.findings.add(new IntegrityFinding(null, null, Problem.TOKEN, null, configurationProblem));
        }
        if (tokenSettings != null) {
            orphansInToken(verification);
        }
        return verification.report();
    }

    /** Whether a key pair that passed the file checks is usable: its private key matches its public key. */
    private IntegrityFinding check(PkiObject object) {
        String name = object.name();
        java.nio.file.Path file = store.path(PkiObjectStore.KEY_PAIR, name);
        KeyPairInfo info;
        try {
            info = info(object);
        } catch (PkiStoreException e) {
            return new IntegrityFinding(PkiObjectStore.KEY_PAIR, name, Problem.KEY_MISMATCH, file, e.getMessage());
        }
        Algorithm algorithm = info.defaultSignature();
        if (info.backend() == Backend.PKCS11) {
            try {
                Pkcs11Token pkcs11 = token();
                String alias = alias(object);
                PublicKey inToken = pkcs11.contains(alias) ? pkcs11.publicKey(alias) : null;
                if (inToken == null) {
                    return new IntegrityFinding(PkiObjectStore.KEY_PAIR, name, Problem.TOKEN, file,
                            "its private key is not in " + pkcs11.description());
                }
                if (!Arrays.equals(inToken.getEncoded(), info.publicKey().getEncoded())) {
                    return new IntegrityFinding(PkiObjectStore.KEY_PAIR, name, Problem.TOKEN, file,
                            "the key labelled " + alias + " in the token is not this key pair's key");
                }
                byte[] signature = pkcs11.sign(alias, algorithm, PROBE);
                if (!registry.verify(algorithm, info.publicKey(), PROBE, signature)) {
                    return new IntegrityFinding(PkiObjectStore.KEY_PAIR, name, Problem.KEY_MISMATCH, file,
                            "the token's private key does not match the public key");
                }
            } catch (PkiStoreException | CryptoException e) {
                return new IntegrityFinding(PkiObjectStore.KEY_PAIR, name, Problem.TOKEN, file, e.getMessage());
            }
            return null;
        }
        try {
            boolean ok = store.withObjectAndSecret(PkiObjectStore.KEY_PAIR, name, (current, pkcs8) -> {
                PrivateKey key = SoftwareKeys.privateKey(info.type(), pkcs8);
                return matches(info.type(), info.size(), key, info.publicKey());
            });
            return ok ? null : new IntegrityFinding(PkiObjectStore.KEY_PAIR, name, Problem.KEY_MISMATCH, file,
                    "the private key does not match the public key");
        } catch (PkiStoreException e) {
            return new IntegrityFinding(PkiObjectStore.KEY_PAIR, name, Problem.KEY_MISMATCH, file, e.getMessage());
        }
    }

    /** Keys this store made in the token whose key pair file is gone. */
    private void orphansInToken(FileObjectStore.Verification verification) {
        try {
            Pkcs11Token pkcs11 = token();
            for (String alias : pkcs11.aliases()) {
                if (pkcs11.ours(alias) && !store.exists(PkiObjectStore.KEY_PAIR, alias)
                        && verification.findings.stream().noneMatch(f -> alias.equals(f.name()))) {
                    verification.objects++;
                    verification.findings.add(new IntegrityFinding(PkiObjectStore.KEY_PAIR, alias, Problem.MISSING,
                            store.path(PkiObjectStore.KEY_PAIR, alias), pkcs11.description()
                            + " holds its private key but its key pair file is gone"));
                }
            }
        } catch (PkiStoreException e) {
            if (backend == Backend.PKCS11) {
                verification.findings.add(new IntegrityFinding(null, null, Problem.TOKEN, null, e.getMessage()));
            }
        }
    }

    @Override
    public void close() {
        synchronized (tokenLock) {
            if (token != null) {
                token.close();
                token = null;
            }
        }
    }
}
