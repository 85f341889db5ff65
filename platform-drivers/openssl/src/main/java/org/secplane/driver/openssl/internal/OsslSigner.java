package org.secplane.driver.openssl.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;

/**
 * Signs with an {@code EVP_PKEY} imported once from the private key ({@link KeyImport}: from its
 * components, or from its PKCS#8 encoding with {@code d2i_AutoPrivateKey_ex}). Thread-safe: each call
 * has its own {@code EVP_MD_CTX}; the key is only read. The key is freed by {@link #close} or, if the signer is dropped, once it is unreachable.
 */
final class OsslSigner implements Signer, AutoCloseable {

    private final OpenSslLibrary library;
    private final SignatureScheme scheme;
    private final OsslKeyExchange.KeyState state;
    private final Cleaner.Cleanable cleanable;
    private final int maxSignature;

    OsslSigner(OpenSslLibrary library, Algorithm algorithm, PrivateKey key) {
        this.library = library;
        this.scheme = SignatureScheme.of(algorithm);
        state = new OsslKeyExchange.KeyState();
        cleanable = NativeResources.CLEANER.register(this, state);
        try {
            state.pkey = KeyImport.privateKey(library, key);
            scheme.checkKey(state.pkey);
            maxSignature = LibCrypto.EVP_PKEY_get_size(state.pkey);
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
    }

    @Override
    public Algorithm algorithm() {
        return scheme.algorithm;
    }

    @Override
    public byte[] sign(byte[] data) {
        long pkey = state.pkey;
        if (pkey == 0) {
            throw new IllegalStateException(scheme.algorithm.label() + " signer is closed");
        }
        long signatureAt = 16;
        long dataAt = signatureAt + maxSignature;
        long ctx = Errors.check(LibCrypto.EVP_MD_CTX_new(), "EVP_MD_CTX_new");
        try (NativeScratch scratch = new NativeScratch(dataAt + data.length); Params params = scheme.params()) {
            scratch.put(dataAt, data);
            Errors.check(LibCrypto.EVP_DigestSignInit_ex(ctx, 0, scheme.digest, library.libctx(), null, pkey,
                    params == null ? 0 : params.address()), "EVP_DigestSignInit_ex (" + scheme.algorithm.label() + ")");
            scratch.setLong(0, maxSignature);
            Errors.check(LibCrypto.EVP_DigestSign(ctx, scratch.at(signatureAt), scratch.at(0), scratch.at(dataAt),
                    data.length), "EVP_DigestSign (" + scheme.algorithm.label() + ")");
            return scratch.get(signatureAt, (int) scratch.getLong(0));
        } finally {
            LibCrypto.EVP_MD_CTX_free(ctx);
        }
    }

    /** Verifies {@code signature} over {@code data}. */
    static boolean verify(OpenSslLibrary library, PublicKeyCache keys, Algorithm algorithm, PublicKey publicKey,
            byte[] data, byte[] signature) {
        SignatureScheme scheme = SignatureScheme.of(algorithm);
        PublicKeyCache.Imported imported = keys.get(publicKey);
        long pkey = imported.pkey;
        long ctx = 0;
        try (NativeScratch scratch = new NativeScratch((long) signature.length + data.length + 16);
                Params params = scheme.params()) {
            scheme.checkKey(pkey);
            scratch.put(0, signature);
            scratch.put(signature.length, data);
            ctx = Errors.check(LibCrypto.EVP_MD_CTX_new(), "EVP_MD_CTX_new");
            Errors.check(LibCrypto.EVP_DigestVerifyInit_ex(ctx, 0, scheme.digest, library.libctx(), null, pkey,
                    params == null ? 0 : params.address()), "EVP_DigestVerifyInit_ex (" + algorithm.label() + ")");
            int result = LibCrypto.EVP_DigestVerify(ctx, scratch.at(0), signature.length, scratch.at(signature.length),
                    data.length);
            if (result != 1) {
                Errors.clear(); // a bad or malformed signature: not an error, just false
            }
            return result == 1;
        } finally {
            if (ctx != 0) {
                LibCrypto.EVP_MD_CTX_free(ctx);
            }
            Reference.reachabilityFence(imported); // the key must not be freed while libcrypto uses it
        }
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
