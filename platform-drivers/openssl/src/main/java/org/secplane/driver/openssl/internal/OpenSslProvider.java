package org.secplane.driver.openssl.internal;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Hash;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * libcrypto 3 as a {@link CryptoProvider}. It claims every algorithm whose implementation its
 * library context can fetch; the registry then runs the known-answer tests and ranks by speed. Single
 * DES needs OpenSSL's legacy provider and is claimed only when that loaded.
 */
public final class OpenSslProvider implements CryptoProvider {

    public static final String NAME = "openssl";

    private final OpenSslLibrary library;
    private final Set<Algorithm> algorithms;
    private final Map<Algorithm, String> unavailable;
    private final PublicKeyCache publicKeys;

    public OpenSslProvider(OpenSslLibrary library) {
        this.library = library;
        this.publicKeys = new PublicKeyCache(library, 64);
        EnumSet<Algorithm> offered = EnumSet.noneOf(Algorithm.class);
        Map<Algorithm, String> missing = new LinkedHashMap<>();
        for (Algorithm algorithm : Algorithm.values()) {
            String why = whyNot(algorithm);
            if (why == null) {
                offered.add(algorithm);
            } else {
                missing.put(algorithm, why);
            }
        }
        this.algorithms = Collections.unmodifiableSet(offered);
        this.unavailable = Collections.unmodifiableMap(missing);
    }

    private String whyNot(Algorithm algorithm) {
        switch (algorithm.type()) {
            case CIPHER:
            case AEAD:
                if (library.cipher(cipherName(algorithm)) != 0) {
                    return null;
                }
                return algorithm == Algorithm.DES_CBC && !library.legacyLoaded() ? library.legacyReason()
                        : cipherName(algorithm) + " not in this libcrypto";
            case INTEGRITY:
            case PRF:
                return library.hmacTemplate(digestName(algorithm)) != 0 ? null
                        : "HMAC-" + digestName(algorithm) + " not in this libcrypto";
            case HASH:
                return library.digest(digestName(algorithm)) != 0 ? null
                        : digestName(algorithm) + " not in this libcrypto";
            case KEY_EXCHANGE:
                return keyType(keyExchangeType(algorithm));
            case SIGNATURE:
                SignatureScheme scheme = SignatureScheme.of(algorithm);
                return library.digest(scheme.digest) == 0 ? scheme.digest + " not in this libcrypto"
                        : keyType(scheme.keyType);
            case RANDOM:
                return null;
            default:
                return "unknown";
        }
    }

    private String keyType(String type) {
        long ctx = LibCrypto.EVP_PKEY_CTX_new_from_name(library.libctx(), type, null);
        if (ctx == 0) {
            Errors.clear();
            return type + " keys not in this libcrypto";
        }
        LibCrypto.EVP_PKEY_CTX_free(ctx);
        return null;
    }

    static String cipherName(Algorithm algorithm) {
        switch (algorithm) {
            case DES_CBC: return "DES-CBC";
            case TDES_CBC: return "DES-EDE3-CBC";
            case AES_128_CBC: return "AES-128-CBC";
            case AES_192_CBC: return "AES-192-CBC";
            case AES_256_CBC: return "AES-256-CBC";
            case AES_128_CTR: return "AES-128-CTR";
            case AES_192_CTR: return "AES-192-CTR";
            case AES_256_CTR: return "AES-256-CTR";
            case AES_128_GCM_8: case AES_128_GCM_12: case AES_128_GCM_16: return "AES-128-GCM";
            case AES_192_GCM_16: return "AES-192-GCM";
            case AES_256_GCM_8: case AES_256_GCM_12: case AES_256_GCM_16: return "AES-256-GCM";
            case CHACHA20_POLY1305: return "ChaCha20-Poly1305";
            default: throw new IllegalArgumentException("not a cipher: " + algorithm);
        }
    }

    static String digestName(Algorithm algorithm) {
        switch (algorithm) {
            case HMAC_MD5_96: case PRF_HMAC_MD5: case MD5: return "MD5";
            case HMAC_SHA1_96: case PRF_HMAC_SHA1: case SHA1: return "SHA1";
            case HMAC_SHA2_256_128: case PRF_HMAC_SHA2_256: case SHA2_256: return "SHA2-256";
            case HMAC_SHA2_384_192: case PRF_HMAC_SHA2_384: case SHA2_384: return "SHA2-384";
            case HMAC_SHA2_512_256: case PRF_HMAC_SHA2_512: case SHA2_512: return "SHA2-512";
            default: throw new IllegalArgumentException("no digest: " + algorithm);
        }
    }

    /** The full (untruncated) output of a digest by name. */
    static int digestLength(String digest) {
        switch (digest) {
            case "MD5": return 16;
            case "SHA1": return 20;
            case "SHA2-256": return 32;
            case "SHA2-384": return 48;
            case "SHA2-512": return 64;
            default: throw new IllegalArgumentException(digest);
        }
    }

    private static String keyExchangeType(Algorithm algorithm) {
        switch (algorithm) {
            case MODP_768: case MODP_1024: case MODP_1536: case MODP_2048: case MODP_3072: case MODP_4096: return "DH";
            case ECP_256: case ECP_384: case ECP_521: return "EC";
            case CURVE25519: return "X25519";
            default: throw new IllegalArgumentException("not a key exchange: " + algorithm);
        }
    }

    public OpenSslLibrary library() {
        return library;
    }

    /** Algorithms not claimed, with the reason (e.g. single DES without the legacy provider). */
    public Map<Algorithm, String> unavailable() {
        return unavailable;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String driver() {
        return library.driver();
    }

    @Override
    public Set<Algorithm> algorithms() {
        return algorithms;
    }

    private void require(Algorithm algorithm, AlgorithmType type) {
        if (algorithm == null || algorithm.type() != type) {
            throw new IllegalArgumentException("not a " + type + " algorithm: " + algorithm);
        }
        if (!algorithms.contains(algorithm)) {
            throw new CryptoException("openssl does not offer " + algorithm.label() + ": " + unavailable.get(algorithm));
        }
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        require(algorithm, AlgorithmType.CIPHER);
        return new OsslCipher(library, algorithm, library.cipher(cipherName(algorithm)), key);
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        require(algorithm, AlgorithmType.AEAD);
        return new OsslAead(library, algorithm, library.cipher(cipherName(algorithm)), keyAndSalt);
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        require(algorithm, AlgorithmType.INTEGRITY);
        String digest = digestName(algorithm);
        return new OsslMac(algorithm, library.hmacTemplate(digest), digestLength(digest), key);
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        require(algorithm, AlgorithmType.PRF);
        return new OsslPrf(algorithm, library.hmacTemplate(digestName(algorithm)));
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        require(algorithm, AlgorithmType.HASH);
        return new OsslHash(algorithm, library.digest(digestName(algorithm)));
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm) {
        return keyExchange(algorithm, null);
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm, byte[] privateValue) {
        require(algorithm, AlgorithmType.KEY_EXCHANGE);
        switch (keyExchangeType(algorithm)) {
            case "DH": return new OsslKeyExchange.Modp(library, algorithm, privateValue);
            case "EC": return new OsslKeyExchange.Ecp(library, algorithm, privateValue);
            default: return new OsslKeyExchange.X25519(library, algorithm, privateValue);
        }
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        require(algorithm, AlgorithmType.SIGNATURE);
        return new OsslSigner(library, algorithm, key);
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        require(algorithm, AlgorithmType.SIGNATURE);
        if (key == null) {
            throw new CryptoException(algorithm.label() + ": no public key");
        }
        if (signature == null || data == null) {
            return false;
        }
        return OsslSigner.verify(library, publicKeys, algorithm, key, data, signature);
    }

    @Override
    public void random(byte[] bytes) {
        int chunk = Math.min(bytes.length, 1 << 16);
        if (chunk == 0) {
            return;
        }
        try (NativeScratch scratch = new NativeScratch(chunk)) {
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                int length = Math.min(chunk, bytes.length - offset);
                Errors.check(LibCrypto.RAND_bytes_ex(library.libctx(), scratch.at(0), length, 0), "RAND_bytes_ex");
                System.arraycopy(scratch.get(0, length), 0, bytes, offset, length);
            }
        }
    }
}
