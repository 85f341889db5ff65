package org.secplane.pki.internal.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.secplane.core.AtomicFiles;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiObject;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.CertificateStore;
import org.secplane.pki.PathValidationOptions;
import org.secplane.pki.PathValidationRequest;
import org.secplane.pki.PathValidationResult;
import org.secplane.pki.PathValidator;

/**
 * The PKI's certificates: CA certificates by CA profile, local certificates and pending certificate
 * requests by certificate-id, and the system-generated self-signed certificate, kept as PKI objects in
 * the {@link PkiObjectStore} (MAC-protected, in the manifest, so {@code verify-integrity-status} covers
 * them) and signed only through the {@link KeyPairStore}'s signers. Plain Java; every refused operation
 * throws a {@link PkiException} and stores nothing.
 *
 * <p>Rulings (pki.md §6 and points the guide leaves open):
 * <ul>
 * <li>A CA certificate is loaded only into a configured (committed) CA profile, and only when the profile
 * has none: a profile holds one CA certificate ("If you want to load a new CA certificate without removing
 * the older one, you must create a new CA profile", L566), so replacing one means clearing it first, as for
 * CRLs (L2835; §6.2 #9). The certificate must be a CA certificate (basicConstraints cA, or a version 1
 * self-signed certificate). From a file with several certificates (a PKCS #7 chain) the one at the bottom
 * of the chain is taken: the CA that is no other certificate's issuer in the file.</li>
 * <li>{@code ca-profile-group load} stores each CA certificate of the bundle as {@code <group>_<n>_sysgen}
 * (n counting every certificate of the file from 1) and skips, with the reason, certificates that are not
 * CA certificates, have expired, or are already loaded (same certificate in another profile or earlier in
 * the file) (§6.2 #24). A group is loaded once; {@code clear security pki ca-certificate ca-profile-group G}
 * removes it.</li>
 * <li>A local certificate is loaded against the key pair of its certificate-id: its public key must be the
 * key pair's, and the private key must sign what the certificate's key verifies (L1802). With {@code key
 * FILE} the private key comes from the file and is imported into the key store (encrypted, or into the
 * token), and a key pair of that id must not exist yet. A certificate-id holds one local certificate:
 * loading another means clearing it first. Loading replaces the pending request of the id (L473).</li>
 * <li>{@code system-generated} is reserved for the system-generated certificate: no load, request or
 * self-signed certificate takes that id. Its key pair (same id) is RSA 2048 and it is signed with SHA-256:
 * the guide's sample shows RSA 1024 with SHA-1, but the certificate exists for HTTPS web management and
 * today's TLS clients refuse both. It is made when missing at start, and again after it is cleared or when
 * its key pair is missing or no longer matches (after {@code clear security pki key-pair all}).</li>
 * <li>Verification ({@code request security pki … verify}) validates the certificate at the current time with
 * the path validator against every CA profile's certificate (purpose CA for a CA certificate, IKE for a local
 * one); a self-signed local certificate is validated against itself; a local certificate's key pair must also
 * prove its private key (L2984).</li>
 * </ul>
 */
public final class PkiCertificates implements CertificateStore {

    /** The id of the system-generated self-signed certificate and of its key pair. */
    public static final String SYSTEM_GENERATED = "system-generated";
    /** Key of the system-generated certificate. */
    static final KeyType SYSTEM_KEY_TYPE = KeyType.RSA;
    static final int SYSTEM_KEY_SIZE = 2048;

    private static final Pattern GROUP_MEMBER = Pattern.compile("(.+)_(\\d+)_sysgen");

    private final PkiObjectStore store;
    private final KeyPairStore keys;
    private final PathValidator validator;
    private final Supplier<Set<String>> configuredProfiles;
    private final Clock clock;
    private final SecureRandom random;
    private final Supplier<String> deviceSerial;
    private final Consumer<String> log;

    /** Decoded certificates by name, filled on first read and kept in step with every change made here. */
    private final ConcurrentMap<String, X509Certificate> caCache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, X509Certificate> localCache = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    /**
     * @param configuredProfiles the names of the CA profiles in the committed configuration
     * @param deviceSerial the device serial number (system-generated certificate, bare {@code SN} in subjects)
     * @param log where notable events are logged
     */
    public PkiCertificates(PkiObjectStore store, KeyPairStore keys, PathValidator validator,
            Supplier<Set<String>> configuredProfiles, Clock clock, SecureRandom random, Supplier<String> deviceSerial,
            Consumer<String> log) {
        this.store = store;
        this.keys = keys;
        this.validator = validator;
        this.configuredProfiles = configuredProfiles;
        this.clock = clock;
        this.random = random;
        this.deviceSerial = deviceSerial;
        this.log = log;
    }

    public String deviceSerial() {
        return deviceSerial.get();
    }

    // ------------------------------------------------------------------ CertificateStore

    @Override
    public List<CaProfileCertificate> caCertificates() {
        List<CaProfileCertificate> all = new ArrayList<>();
        for (String profile : store.names(PkiObjectStore.CA_CERTIFICATE)) {
            cached(caCache, PkiObjectStore.CA_CERTIFICATE, profile).ifPresent(c -> all.add(CaProfileCertificate.of(profile, c)));
        }
        return all;
    }

    @Override
    public Optional<CaProfileCertificate> caCertificate(String caProfile) {
        return cached(caCache, PkiObjectStore.CA_CERTIFICATE, caProfile).map(c -> CaProfileCertificate.of(caProfile, c));
    }

    @Override
    public Optional<X509Certificate> localCertificate(String certificateId) {
        return cached(localCache, PkiObjectStore.LOCAL_CERTIFICATE, certificateId);
    }

    /** Names of the local certificates, sorted. */
    public List<String> localCertificateIds() {
        return store.names(PkiObjectStore.LOCAL_CERTIFICATE);
    }

    /** Names of the pending certificate requests, sorted. */
    public List<String> requestIds() {
        return store.names(PkiObjectStore.CERTIFICATE_REQUEST);
    }

    /** A damaged or unreadable object is never handed out (IKE must not use it); integrity checks name it. */
    private Optional<X509Certificate> cached(ConcurrentMap<String, X509Certificate> cache, String kind, String name) {
        X509Certificate certificate = cache.get(name);
        if (certificate != null) {
            return Optional.of(certificate);
        }
        if (!store.exists(kind, name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(readCertificate(kind, name)).map(c -> {
                cache.put(name, c);
                return c;
            });
        } catch (PkiException e) {
            log.accept(e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads and decodes a stored certificate; {@link PkiException} when it is damaged, none when absent. */
    public X509Certificate readCertificate(String kind, String name) throws PkiException {
        Optional<PkiObject> object;
        try {
            object = store.read(kind, name);
        } catch (PkiStoreException e) {
            throw new PkiException(kind + " " + name + ": " + e.getMessage(), e);
        }
        if (object.isEmpty()) {
            throw new PkiException(kind + " " + name + " does not exist");
        }
        return CertificateFiles.certificate(object.get().content(), kind + "/" + name, "stored certificate");
    }

    /** The stored request of {@code certificateId}. */
    public PKCS10CertificationRequest request(String certificateId) throws PkiException {
        try {
            Optional<PkiObject> object = store.read(PkiObjectStore.CERTIFICATE_REQUEST, certificateId);
            if (object.isEmpty()) {
                throw new PkiException("certificate request " + certificateId + " does not exist");
            }
            return new PKCS10CertificationRequest(object.get().content());
        } catch (PkiStoreException e) {
            throw new PkiException("certificate-request " + certificateId + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new PkiException("certificate-request " + certificateId + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ CA certificates

    /** The configured CA profiles' names, sorted. */
    public List<String> configuredProfileNames() {
        return new ArrayList<>(new java.util.TreeSet<>(configuredProfiles.get()));
    }

    /** Whether {@code name} is a configured CA profile or a member of a loaded CA profile group. */
    public boolean isKnownProfile(String name) {
        return configuredProfiles.get().contains(name) || (GROUP_MEMBER.matcher(name).matches()
                && store.exists(PkiObjectStore.CA_CERTIFICATE, name));
    }

    /**
     * Checks that {@code profile} can take a CA certificate and reads the one to load from {@code file}; nothing
     * is stored until {@link #storeCaCertificate}.
     */
    public X509Certificate prepareCaLoad(String profile, Path file) throws PkiException {
        requireConfigured(profile);
        if (store.exists(PkiObjectStore.CA_CERTIFICATE, profile)) {
            throw new PkiException("CA profile " + profile + " already has a CA certificate; clear it first with"
                    + " 'clear security pki ca-certificate ca-profile " + profile + "'");
        }
        CertificateFiles.Contents contents = CertificateFiles.read(file, CertificateFiles.MAX_CERTIFICATE_FILE_BYTES);
        return caCertificateOf(contents.certificates(), file);
    }

    private void requireConfigured(String profile) throws PkiException {
        if (!configuredProfiles.get().contains(profile)) {
            throw new PkiException("CA profile " + profile + " is not configured; configure it first ('set security pki"
                    + " ca-profile " + profile + " ca-identity <ca-identity>') and commit");
        }
    }

    private static X509Certificate caCertificateOf(List<X509Certificate> certificates, Path file) throws PkiException {
        List<X509Certificate> cas = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (isCa(certificate) && !cas.contains(certificate)) { // a file may repeat a certificate
                cas.add(certificate);
            }
        }
        if (cas.isEmpty()) {
            X509Certificate first = certificates.get(0);
            throw new PkiException("file " + file + ": certificate \"" + subject(first) + "\" is not a CA certificate"
                    + " (its basic constraints do not say cA); load it as a local certificate instead");
        }
        List<X509Certificate> bottom = new ArrayList<>();
        for (X509Certificate candidate : cas) {
            boolean issuesAnother = cas.stream().anyMatch(other -> other != candidate
                    && other.getIssuerX500Principal().equals(candidate.getSubjectX500Principal())
                    && !other.getSubjectX500Principal().equals(candidate.getSubjectX500Principal()));
            if (!issuesAnother) {
                bottom.add(candidate);
            }
        }
        if (bottom.size() != 1) {
            throw new PkiException("file " + file + " holds " + cas.size() + " CA certificates that are not one chain;"
                    + " use a file with only this profile's CA certificate");
        }
        return bottom.get(0);
    }

    /** A CA certificate: basicConstraints cA, or a version 1 self-issued certificate (which has no extensions). */
    static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0 || (certificate.getVersion() == 1
                && certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal()));
    }

    /** Stores the CA certificate of {@code profile} (after the user said yes). */
    public void storeCaCertificate(String profile, X509Certificate certificate, String source) throws PkiException {
        synchronized (lock) {
            if (store.exists(PkiObjectStore.CA_CERTIFICATE, profile)) {
                throw new PkiException("CA profile " + profile + " already has a CA certificate");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("source", source);
            attributes.put("loaded", clock.instant().toString());
            write(PkiObjectStore.CA_CERTIFICATE, profile, attributes, encoded(certificate));
            caCache.put(profile, certificate);
        }
        log.accept("loaded CA certificate of CA profile " + profile + " (" + subject(certificate) + ") from " + source);
    }

    /** Reads a CA bundle for {@code group}; nothing is stored until {@link #loadGroup}. */
    public List<X509Certificate> prepareGroupLoad(String group, Path file) throws PkiException {
        if (!PkiObjectStore.isValidName(group) || group.length() > PkiObjectStore.MAX_NAME_LENGTH - "_9999_sysgen".length()) {
            throw new PkiException("invalid ca-group-name '" + group + "': use 1.." + (PkiObjectStore.MAX_NAME_LENGTH
                    - "_9999_sysgen".length()) + " letters, digits, '.', '-' or '_', starting with a letter, digit or '_'");
        }
        if (!groupMembers(group).isEmpty()) {
            throw new PkiException("CA profile group " + group + " is already loaded; clear it first with"
                    + " 'clear security pki ca-certificate ca-profile-group " + group + "'");
        }
        List<X509Certificate> certificates = CertificateFiles.read(file, CertificateFiles.MAX_BUNDLE_BYTES).certificates();
        if (certificates.size() > 9999) {
            throw new PkiException("file " + file + " holds " + certificates.size() + " certificates; at most 9999 per group");
        }
        return certificates;
    }

    /** How a group load went. */
    public record GroupResult(int loaded, int skipped) {
    }

    /**
     * Stores each CA certificate of the bundle as {@code <group>_<n>_sysgen}, reporting each one to
     * {@code progress} as {@code <name>: Loading done.} or {@code <name>: Skipped: <why>.}.
     */
    public GroupResult loadGroup(String group, List<X509Certificate> certificates, String source,
            Consumer<String> progress) throws PkiException {
        int loaded = 0;
        int skipped = 0;
        Instant now = clock.instant();
        Set<String> present = ConcurrentHashMap.newKeySet();
        for (CaProfileCertificate existing : caCertificates()) {
            present.add(Fingerprints.sha1(encoded(existing.certificate())));
        }
        synchronized (lock) {
            for (int i = 0; i < certificates.size(); i++) {
                X509Certificate certificate = certificates.get(i);
                String name = group + "_" + (i + 1) + "_sysgen";
                String why = null;
                if (!isCa(certificate)) {
                    why = "not a CA certificate";
                } else if (certificate.getNotAfter().toInstant().isBefore(now)) {
                    why = "expired on " + CertificateText.date(certificate.getNotAfter().toInstant());
                } else if (!present.add(Fingerprints.sha1(encoded(certificate)))) {
                    why = "already loaded";
                }
                if (why != null) {
                    skipped++;
                    progress.accept(name + ": Skipped: " + why + ".");
                    continue;
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("source", source);
                attributes.put("loaded", now.toString());
                attributes.put("group", group);
                write(PkiObjectStore.CA_CERTIFICATE, name, attributes, encoded(certificate));
                caCache.put(name, certificate);
                loaded++;
                progress.accept(name + ": Loading done.");
            }
        }
        log.accept("loaded CA profile group " + group + " from " + source + ": " + loaded + " loaded, " + skipped + " skipped");
        return new GroupResult(loaded, skipped);
    }

    /** The stored members of {@code group}. */
    public List<String> groupMembers(String group) {
        List<String> members = new ArrayList<>();
        for (String name : store.names(PkiObjectStore.CA_CERTIFICATE)) {
            java.util.regex.Matcher m = GROUP_MEMBER.matcher(name);
            if (m.matches() && m.group(1).equals(group)) {
                members.add(name);
            }
        }
        return members;
    }

    public boolean hasCaCertificate(String profile) {
        return store.exists(PkiObjectStore.CA_CERTIFICATE, profile);
    }

    /** Removes the CA certificate of {@code profile}; false when it has none. */
    public boolean clearCaCertificate(String profile) throws PkiException {
        synchronized (lock) {
            caCache.remove(profile);
            return delete(PkiObjectStore.CA_CERTIFICATE, profile);
        }
    }

    /** Removes every CA certificate (configured profiles and groups); returns how many. */
    public int clearAllCaCertificates() throws PkiException {
        int cleared = 0;
        for (String profile : store.names(PkiObjectStore.CA_CERTIFICATE)) {
            cleared += clearCaCertificate(profile) ? 1 : 0;
        }
        return cleared;
    }

    /** Removes the members of a CA profile group; returns how many. */
    public int clearGroup(String group) throws PkiException {
        int cleared = 0;
        for (String member : groupMembers(group)) {
            cleared += clearCaCertificate(member) ? 1 : 0;
        }
        return cleared;
    }

    /** {@code request security pki ca-certificate verify}: the success line, or a {@link PkiException}. */
    public String verifyCaCertificate(String profile) throws PkiException {
        if (!isKnownProfile(profile) && !hasCaCertificate(profile)) {
            requireConfigured(profile);
        }
        if (!hasCaCertificate(profile)) {
            throw new PkiException("CA profile " + profile + " has no CA certificate; load it with 'request security pki"
                    + " ca-certificate load ca-profile " + profile + " filename <file>'");
        }
        X509Certificate certificate = readCertificate(PkiObjectStore.CA_CERTIFICATE, profile);
        PathValidationResult result = validator.validate(PathValidationRequest.builder(certificate)
                .trusted(caCertificates()).at(clock.instant())
                .options(PathValidationOptions.builder().purpose(PathValidationOptions.Purpose.CA).build()).build());
        if (!result.isValid()) {
            throw new PkiException("CA certificate " + profile + ": verification failed: "
                    + result.failure().orElseThrow().message());
        }
        return "CA certificate " + profile + " verified successfully";
    }

    // ------------------------------------------------------------------ local certificates

    private static void refuseReserved(String certificateId) throws PkiException {
        if (certificateId.equals(SYSTEM_GENERATED)) {
            throw new PkiException("certificate-id " + SYSTEM_GENERATED + " is reserved for the automatically generated"
                    + " self-signed certificate");
        }
    }

    private void refuseExistingLocal(String certificateId) throws PkiException {
        if (store.exists(PkiObjectStore.LOCAL_CERTIFICATE, certificateId)) {
            throw new PkiException("local certificate " + certificateId + " already exists; clear it first with"
                    + " 'clear security pki local-certificate certificate-id " + certificateId + "'");
        }
    }

    private KeyPairInfo requireKeyPair(String certificateId) throws PkiException {
        try {
            return keys.get(certificateId).orElseThrow(() -> new PkiException("key pair " + certificateId
                    + " does not exist; generate it first with 'request security pki generate-key-pair certificate-id "
                    + certificateId + "'"));
        } catch (PkiStoreException e) {
            throw new PkiException("key pair " + certificateId + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code request security pki local-certificate load certificate-id ID filename F [key K]}: loads the
     * certificate of the key pair {@code certificateId} (with {@code keyFile}: of the private key in it, which
     * is imported). Returns the loaded certificate.
     */
    public X509Certificate loadLocalCertificate(String certificateId, Path certificateFile, Path keyFile)
            throws PkiException {
        refuseReserved(certificateId);
        refuseExistingLocal(certificateId);
        List<X509Certificate> certificates = CertificateFiles.read(certificateFile,
                CertificateFiles.MAX_CERTIFICATE_FILE_BYTES).certificates();
        X509Certificate certificate;
        synchronized (lock) {
            if (keyFile == null) {
                KeyPairInfo key = requireKeyPair(certificateId);
                byte[] publicKey = key.publicKey().getEncoded();
                certificate = certificates.stream().filter(c -> samePublicKey(c, publicKey)).findFirst()
                        .orElseThrow(() -> new PkiException("the certificate in " + certificateFile + " does not belong to"
                                + " key pair " + certificateId + ": its public key is not the key pair's"));
                proveKeyPair(key, certificate);
            } else {
                certificate = importWithKey(certificateId, certificates, certificateFile, keyFile);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("origin", "loaded");
            attributes.put("source", certificateFile.toString());
            attributes.put("loaded", clock.instant().toString());
            write(PkiObjectStore.LOCAL_CERTIFICATE, certificateId, attributes, encoded(certificate));
            localCache.put(certificateId, certificate);
            delete(PkiObjectStore.CERTIFICATE_REQUEST, certificateId);
        }
        log.accept("loaded local certificate " + certificateId + " (" + subject(certificate) + ") from " + certificateFile);
        return certificate;
    }

    private X509Certificate importWithKey(String certificateId, List<X509Certificate> certificates, Path certificateFile,
            Path keyFile) throws PkiException {
        if (keys.exists(certificateId)) {
            throw new PkiException("key pair " + certificateId + " already exists; load the certificate without 'key' to"
                    + " use it, or clear it first with 'clear security pki key-pair certificate-id " + certificateId + "'");
        }
        byte[] pkcs8 = PrivateKeyFiles.readPkcs8(keyFile);
        try {
            PrivateKey privateKey = privateKey(pkcs8, keyFile);
            X509Certificate certificate = null;
            for (X509Certificate candidate : certificates) {
                if (privateKeySigns(privateKey, candidate)) {
                    certificate = candidate;
                    break;
                }
            }
            if (certificate == null) {
                throw new PkiException("the private key in " + keyFile + " does not match the certificate in "
                        + certificateFile);
            }
            try {
                keys.importKeyPair(certificateId, pkcs8, certificate.getPublicKey().getEncoded());
            } catch (PkiStoreException e) {
                throw new PkiException("key pair " + certificateId + " cannot be stored: " + e.getMessage(), e);
            }
            return certificate;
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8, Path keyFile) throws PkiException {
        try {
            String oid = PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm().getId();
            String algorithm = oid.equals("1.2.840.10045.2.1") ? "EC" : oid.startsWith("1.2.840.10040.4") ? "DSA"
                    : oid.equals("1.2.840.113549.1.1.1") ? "RSA" : null;
            if (algorithm == null) {
                throw new PkiException("key file " + keyFile + " holds a key of type " + oid + "; expecting RSA, DSA or ECDSA");
            }
            return KeyFactory.getInstance(algorithm, Signing.BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PkiException("key file " + keyFile + ": the private key cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} signs what {@code certificate}'s public key verifies. */
    private boolean privateKeySigns(PrivateKey key, X509Certificate certificate) {
        try {
            String name;
            switch (key.getAlgorithm()) {
                case "RSA":
                    name = "SHA256withRSA";
                    break;
                case "DSA":
                    name = "SHA256withDSA";
                    break;
                default:
                    name = "SHA256withECDSA";
                    break;
            }
            byte[] challenge = challenge();
            Signature signer = Signature.getInstance(name, Signing.BC);
            signer.initSign(key, random);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(name, Signing.BC);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private byte[] challenge() {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        return challenge;
    }

    private static boolean samePublicKey(X509Certificate certificate, byte[] publicKeyInfo) {
        try {
            return Signing.publicKey(publicKeyInfo).equals(Signing.publicKey(certificate.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The key pair's private key signs, through the key store, what the certificate's public key verifies. */
    private void proveKeyPair(KeyPairInfo key, X509Certificate certificate) throws PkiException {
        Signer signer;
        try {
            signer = keys.signer(key.certificateId(), key.defaultSignature());
        } catch (PkiStoreException e) {
            throw new PkiException("key pair " + key.certificateId() + ": " + e.getMessage(), e);
        }
        Signing.proveKey(signer, certificate.getPublicKey().getEncoded(), challenge(), "key pair " + key.certificateId());
    }

    /** {@code request security pki generate-certificate-request}: makes, stores and returns the request. */
    public PKCS10CertificationRequest generateRequest(String certificateId, RequestParameters parameters)
            throws PkiException {
        refuseReserved(certificateId);
        KeyPairInfo key = requireKeyPair(certificateId);
        Algorithm algorithm = Signing.algorithm(key, parameters.digest());
        PKCS10CertificationRequest request = CertificateBuilder.request(key, signer(key, algorithm), parameters);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("created", clock.instant().toString());
        try {
            write(PkiObjectStore.CERTIFICATE_REQUEST, certificateId, attributes, request.getEncoded());
        } catch (IOException e) {
            throw new PkiException("the certificate request cannot be encoded: " + e.getMessage(), e);
        }
        log.accept("generated certificate request " + certificateId + " (" + SubjectNames.subjectString(request.getSubject()) + ")");
        return request;
    }

    private Signer signer(KeyPairInfo key, Algorithm algorithm) throws PkiException {
        try {
            return keys.signer(key.certificateId(), algorithm);
        } catch (PkiStoreException e) {
            throw new PkiException("key pair " + key.certificateId() + ": " + e.getMessage(), e);
        }
    }

    /** PEM of a request: {@code -----BEGIN CERTIFICATE REQUEST-----}, base64 in lines of 64. */
    public static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    /** {@code request security pki local-certificate generate-self-signed}: makes, stores and returns it. */
    public X509Certificate generateSelfSigned(String certificateId, RequestParameters parameters) throws PkiException {
        refuseReserved(certificateId);
        refuseExistingLocal(certificateId);
        KeyPairInfo key = requireKeyPair(certificateId);
        Algorithm algorithm = Signing.algorithm(key, parameters.digest());
        X509Certificate certificate = CertificateBuilder.selfSigned(key, signer(key, algorithm), parameters,
                clock.instant(), random);
        synchronized (lock) {
            refuseExistingLocal(certificateId);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("origin", "self-signed");
            attributes.put("loaded", clock.instant().toString());
            write(PkiObjectStore.LOCAL_CERTIFICATE, certificateId, attributes, encoded(certificate));
            localCache.put(certificateId, certificate);
            delete(PkiObjectStore.CERTIFICATE_REQUEST, certificateId);
        }
        log.accept("generated self-signed certificate " + certificateId + " (" + subject(certificate) + ")");
        return certificate;
    }

    /**
     * Makes the system-generated certificate when it is missing, or when its key pair is missing or does not
     * match it (L708: "If it does not find one, the device generates one"). Returns whether it made one.
     */
    public boolean ensureSystemGenerated() throws PkiException {
        synchronized (lock) {
            Optional<KeyPairInfo> key;
            try {
                key = keys.get(SYSTEM_GENERATED);
            } catch (PkiStoreException e) {
                key = Optional.empty();
            }
            if (store.exists(PkiObjectStore.LOCAL_CERTIFICATE, SYSTEM_GENERATED) && key.isPresent()) {
                try {
                    X509Certificate current = readCertificate(PkiObjectStore.LOCAL_CERTIFICATE, SYSTEM_GENERATED);
                    if (samePublicKey(current, key.get().publicKey().getEncoded())) {
                        return false;
                    }
                } catch (PkiException damaged) {
                    log.accept("system-generated certificate is damaged and is generated again: " + damaged.getMessage());
                }
            }
            generateSystemCertificate();
            return true;
        }
    }

    /** {@code clear security pki local-certificate system-generated}: a new key pair and certificate (L4358). */
    public void regenerateSystemGenerated() throws PkiException {
        synchronized (lock) {
            generateSystemCertificate();
        }
    }

    private void generateSystemCertificate() throws PkiException {
        localCache.remove(SYSTEM_GENERATED);
        delete(PkiObjectStore.LOCAL_CERTIFICATE, SYSTEM_GENERATED);
        KeyPairInfo key;
        try {
            keys.delete(SYSTEM_GENERATED);
            key = keys.generate(SYSTEM_GENERATED, SYSTEM_KEY_TYPE, SYSTEM_KEY_SIZE);
        } catch (PkiStoreException e) {
            throw new PkiException("cannot generate the key pair of the system-generated certificate: " + e.getMessage(), e);
        }
        RequestParameters parameters = RequestParameters.system(CertificateBuilder.systemGeneratedSubject(deviceSerial.get()));
        X509Certificate certificate = CertificateBuilder.selfSigned(key, signer(key, Algorithm.RSA_PKCS1_SHA256),
                parameters, clock.instant(), random);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("origin", "system-generated");
        attributes.put("loaded", clock.instant().toString());
        write(PkiObjectStore.LOCAL_CERTIFICATE, SYSTEM_GENERATED, attributes, encoded(certificate));
        localCache.put(SYSTEM_GENERATED, certificate);
        log.accept("generated the system-generated self-signed certificate (" + subject(certificate) + ", serial "
                + CertificateText.serial(certificate.getSerialNumber()) + ")");
    }

    public boolean hasLocalCertificate(String certificateId) {
        return store.exists(PkiObjectStore.LOCAL_CERTIFICATE, certificateId);
    }

    /** Removes a local certificate (not its key pair); false when there is none. */
    public boolean clearLocalCertificate(String certificateId) throws PkiException {
        synchronized (lock) {
            localCache.remove(certificateId);
            return delete(PkiObjectStore.LOCAL_CERTIFICATE, certificateId);
        }
    }

    /** Removes every local certificate except the system-generated one (L4355); returns how many. */
    public int clearAllLocalCertificates() throws PkiException {
        int cleared = 0;
        for (String id : localCertificateIds()) {
            if (!id.equals(SYSTEM_GENERATED)) {
                cleared += clearLocalCertificate(id) ? 1 : 0;
            }
        }
        return cleared;
    }

    public boolean clearRequest(String certificateId) throws PkiException {
        return delete(PkiObjectStore.CERTIFICATE_REQUEST, certificateId);
    }

    public int clearAllRequests() throws PkiException {
        int cleared = 0;
        for (String id : requestIds()) {
            cleared += clearRequest(id) ? 1 : 0;
        }
        return cleared;
    }

    /** {@code request security pki local-certificate export}: writes the certificate as PEM or DER to {@code file}. */
    public void export(String certificateId, Path file, boolean pem) throws PkiException {
        if (!hasLocalCertificate(certificateId)) {
            throw new PkiException("local certificate " + certificateId + " does not exist");
        }
        X509Certificate certificate = readCertificate(PkiObjectStore.LOCAL_CERTIFICATE, certificateId);
        byte[] der = encoded(certificate);
        byte[] content = pem ? pem("CERTIFICATE", der).getBytes(StandardCharsets.US_ASCII) : der;
        try {
            if (Files.isDirectory(file)) {
                throw new PkiException("cannot export to " + file + ": it is a directory");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new PkiException("cannot export to " + file + ": directory " + parent + " does not exist");
            }
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new PkiException("cannot export to " + file + ": " + e.getMessage(), e);
        }
        log.accept("exported local certificate " + certificateId + " to " + file + (pem ? " (PEM)" : " (DER)"));
    }

    /** {@code request security pki local-certificate verify}: the success line, or a {@link PkiException}. */
    public String verifyLocalCertificate(String certificateId) throws PkiException {
        if (!hasLocalCertificate(certificateId)) {
            throw new PkiException("local certificate " + certificateId + " does not exist");
        }
        X509Certificate certificate = readCertificate(PkiObjectStore.LOCAL_CERTIFICATE, certificateId);
        String failed = "Local certificate " + certificateId + ": verification failed: ";
        KeyPairInfo key;
        try {
            key = requireKeyPair(certificateId);
        } catch (PkiException e) {
            throw new PkiException(failed + e.getMessage(), e);
        }
        if (!samePublicKey(certificate, key.publicKey().getEncoded())) {
            throw new PkiException(failed + "key pair " + certificateId + " is not the key pair of the certificate");
        }
        try {
            proveKeyPair(key, certificate);
        } catch (PkiException e) {
            throw new PkiException(failed + e.getMessage(), e);
        }
        PathValidationRequest.Builder request = PathValidationRequest.builder(certificate).at(clock.instant())
                .options(PathValidationOptions.builder().purpose(PathValidationOptions.Purpose.IKE).build());
        boolean selfSigned = selfSigned(certificate);
        String anchorLabel = "self-signed " + certificateId;
        if (selfSigned) {
            request.trusted(anchorLabel, certificate);
        } else {
            request.trusted(caCertificates());
        }
        PathValidationResult result = validator.validate(request.build());
        if (!result.isValid()) {
            String message = result.failure().orElseThrow().message();
            if (selfSigned) {
                // the validator names its trust anchor as a CA profile's certificate; this one is not
                message = message.replaceAll(Pattern.quote("CA certificate " + anchorLabel + " (") + "(\"[^\"]*\")\\)",
                        "certificate $1");
            }
            throw new PkiException(failed + message);
        }
        return "Local certificate " + certificateId + " verification success";
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey(), Signing.BC);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ helpers

    private void write(String kind, String name, Map<String, String> attributes, byte[] content) throws PkiException {
        try {
            store.write(PkiObject.of(kind, name, attributes, content), null);
        } catch (PkiStoreException e) {
            throw new PkiException(kind + " " + name + " cannot be stored: " + e.getMessage(), e);
        }
    }

    private boolean delete(String kind, String name) throws PkiException {
        try {
            return store.delete(kind, name);
        } catch (PkiStoreException e) {
            throw new PkiException(kind + " " + name + " cannot be removed: " + e.getMessage(), e);
        }
    }

    static byte[] encoded(X509Certificate certificate) throws PkiException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new PkiException("the certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    static String subject(X509Certificate certificate) {
        return SubjectNames.issuedBy(SubjectNames.of(certificate.getSubjectX500Principal()));
    }
}
