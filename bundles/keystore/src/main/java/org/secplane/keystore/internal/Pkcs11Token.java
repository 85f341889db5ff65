package org.secplane.keystore.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.LoginException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/**
 * A logged-in PKCS#11 token, through the JDK's SunPKCS11 provider. Private keys are generated in the
 * token as sensitive, unextractable session objects and copied into it as token objects by the
 * provider's key store, labelled with the certificate-id; imported keys become sensitive, unextractable
 * token objects too. SunPKCS11 keeps a private key on a token only next to a certificate, so each key
 * carries a self-signed placeholder certificate ({@code CN=<id>, OU=secplane key store}) made with the
 * key itself; the PKI's real certificates are kept in the PKI object store. Thread-safe.
 */
public final class Pkcs11Token implements AutoCloseable {

    /** The subject marker of placeholder certificates: objects the key store made. */
    static final String MARKER = "secplane key store";
    private static final AtomicInteger PROVIDERS = new AtomicInteger();

    private final Provider provider;
    private final KeyStore keyStore;
    private final String description;

    private Pkcs11Token(Provider provider, KeyStore keyStore, String description) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.description = description;
    }

    /** Configures SunPKCS11 for the token, logs in with the PIN (wiped after) and opens its key store. */
    static Pkcs11Token connect(TokenSettings settings, char[] pin) throws PkiStoreException {
        String slotLine;
        String description = settings.describe();
        if (settings.tokenLabel() != null) {
            long slot = SlotFinder.slotOf(settings.library(), settings.tokenLabel());
            slotLine = "slot = " + slot;
            description += " (slot " + slot + ")";
        } else if (settings.slot() != null) {
            slotLine = "slot = " + settings.slot();
        } else {
            slotLine = "slotListIndex = " + (settings.slotListIndex() == null ? 0 : settings.slotListIndex());
        }
        String config = "--name = secplane-" + PROVIDERS.incrementAndGet() + "\n"
                + "library = \"" + settings.library().replace("\"", "") + "\"\n"
                + slotLine + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(import, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";
        Provider provider;
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new PkiStoreException(Reason.UNAVAILABLE, "this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
            }
            provider = base.configure(config);
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "cannot use PKCS#11 " + description + " of " + settings.library()
                    + ": " + rootMessage(e), e);
        }
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new Pkcs11Token(provider, keyStore, "pkcs11 " + description + " of " + settings.library());
        } catch (IOException e) {
            String why = rootMessage(e);
            if (e.getCause() instanceof LoginException || why.contains("CKR_PIN")) {
                throw new PkiStoreException(Reason.UNAVAILABLE, "PKCS#11 " + description + " refused the PIN: " + why, e);
            }
            throw new PkiStoreException(Reason.UNAVAILABLE, "cannot log in to PKCS#11 " + description + ": " + why, e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "cannot open PKCS#11 " + description + ": " + rootMessage(e), e);
        } finally {
            Zeroing.wipe(pin);
        }
    }

    String description() {
        return description;
    }

    /** Generates a key pair inside the token and keeps its private key there under {@code alias}. */
    synchronized PublicKey generate(String alias, KeyType type, int bits, SecureRandom random) throws PkiStoreException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(SoftwareKeys.jcaName(type), provider);
            if (type == KeyType.ECDSA) {
                generator.initialize(new ECGenParameterSpec(SoftwareKeys.curve(bits)), random);
            } else {
                generator.initialize(bits, random);
            }
            KeyPair pair = generator.generateKeyPair();
            store(alias, pair.getPrivate(), pair.getPublic(), type, bits, provider);
            return pair.getPublic();
        } catch (java.security.InvalidParameterException | java.security.InvalidAlgorithmParameterException e) {
            throw new PkiStoreException(Reason.INVALID, description + " cannot generate " + type.label() + " keys of " + bits
                    + " bits: " + e.getMessage(), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.FAILED, description + ": generating a " + type.label() + " " + bits
                    + "-bit key pair failed: " + rootMessage(e), e);
        }
    }

    /** Imports a software private key into the token (as a sensitive, unextractable object). */
    synchronized void importKey(String alias, PrivateKey key, PublicKey publicKey, KeyType type, int bits) throws PkiStoreException {
        try {
            store(alias, key, publicKey, type, bits, null);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.FAILED, description + ": importing the key failed: " + rootMessage(e), e);
        }
    }

    private void store(String alias, PrivateKey key, PublicKey publicKey, KeyType type, int bits, Provider signWith)
            throws GeneralSecurityException {
        X509Certificate placeholder = placeholder(alias, key, publicKey, type, bits, signWith);
        keyStore.setKeyEntry(alias, key, null, new Certificate[] {placeholder});
    }

    private static X509Certificate placeholder(String alias, PrivateKey key, PublicKey publicKey, KeyType type, int bits,
            Provider signWith) throws GeneralSecurityException {
        String algorithm = type == KeyType.RSA ? "SHA256withRSA" : type == KeyType.DSA ? "SHA256withDSA"
                : bits == 384 ? "SHA384withECDSA" : "SHA256withECDSA";
        try {
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
            if (signWith != null) {
                builder.setProvider(signWith);
            }
            ContentSigner signer = builder.build(key);
            X500Name subject = new X500Name("CN=" + alias + ", OU=" + MARKER);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.getEpochSecond()),
                    Date.from(now), Date.from(now.plus(36500, ChronoUnit.DAYS)), subject, publicKey).build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the placeholder certificate: " + e.getMessage(), e);
        }
    }

    synchronized boolean contains(String alias) throws PkiStoreException {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.FAILED, description + ": " + rootMessage(e), e);
        }
    }

    /** Whether the entry under {@code alias} was made by this key store (its placeholder certificate says so). */
    synchronized boolean ours(String alias) throws PkiStoreException {
        try {
            Certificate certificate = keyStore.getCertificate(alias);
            return certificate instanceof X509Certificate
                    && ((X509Certificate) certificate).getSubjectX500Principal().getName().contains("OU=" + MARKER);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.FAILED, description + ": " + rootMessage(e), e);
        }
    }

    /** The public key the token holds for {@code alias} (from its certificate), or {@code null}. */
    synchronized PublicKey publicKey(String alias) throws PkiStoreException {
        try {
            Certificate certificate = keyStore.getCertificate(alias);
            return certificate == null ? null : certificate.getPublicKey();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.FAILED, description + ": " + rootMessage(e), e);
        }
    }

    synchronized List<String> aliases() throws PkiStoreException {
        try {
            return Collections.list(keyStore.aliases());
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.FAILED, description + ": " + rootMessage(e), e);
        }
    }

    synchronized void delete(String alias) throws PkiStoreException {
        try {
            if (keyStore.containsAlias(alias)) {
                keyStore.deleteEntry(alias);
            }
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiStoreException(Reason.FAILED, description + ": deleting " + alias + " failed: " + rootMessage(e), e);
        }
    }

    /** Signs in the token. DSA with SHA-1 digests in Java and signs the digest (as the software provider). */
    byte[] sign(String alias, Algorithm algorithm, byte[] data) {
        try {
            Key key;
            synchronized (this) {
                key = keyStore.getKey(alias, null);
            }
            if (!(key instanceof PrivateKey)) {
                throw new CryptoException("the private key of " + alias + " is no longer in " + description);
            }
            Signature signature = signature(algorithm);
            signature.initSign((PrivateKey) key);
            signature.update(algorithm == Algorithm.DSA_SHA1 ? MessageDigest.getInstance("SHA-1").digest(data) : data);
            return signature.sign();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new CryptoException(algorithm.label() + " in " + description + ": " + rootMessage(e), e);
        }
    }

    private Signature signature(Algorithm algorithm) throws GeneralSecurityException {
        switch (algorithm) {
            case RSA_PKCS1_SHA1:
                return Signature.getInstance("SHA1withRSA", provider);
            case RSA_PKCS1_SHA256:
                return Signature.getInstance("SHA256withRSA", provider);
            case RSA_PKCS1_SHA384:
                return Signature.getInstance("SHA384withRSA", provider);
            case RSA_PKCS1_SHA512:
                return Signature.getInstance("SHA512withRSA", provider);
            case RSA_PSS_SHA256:
                return pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case RSA_PSS_SHA384:
                return pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case RSA_PSS_SHA512:
                return pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case DSA_SHA1:
                return Signature.getInstance("NONEwithDSA", provider);
            case DSA_SHA256:
                return Signature.getInstance("SHA256withDSA", provider);
            case ECDSA_P256_SHA256:
                return Signature.getInstance("SHA256withECDSA", provider);
            case ECDSA_P384_SHA384:
                return Signature.getInstance("SHA384withECDSA", provider);
            default:
                throw new CryptoException(algorithm.label() + " is not a signature algorithm");
        }
    }

    private Signature pss(String hash, MGF1ParameterSpec mgf, int salt) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS", provider);
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, salt, PSSParameterSpec.TRAILER_FIELD_BC));
        return signature;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !message.toString().contains(root.getMessage())) {
                message.append(": ").append(root.getMessage());
            }
        }
        return message.toString();
    }

    /** Logs out of the token. */
    @Override
    public synchronized void close() {
        if (provider instanceof AuthProvider) {
            try {
                ((AuthProvider) provider).logout();
            } catch (LoginException | ProviderException e) {
                // the token went away: nothing to log out of
            }
        }
    }
}
