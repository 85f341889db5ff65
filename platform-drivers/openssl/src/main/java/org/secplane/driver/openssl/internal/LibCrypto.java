package org.secplane.driver.openssl.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The libcrypto 3 functions this driver calls, bound by JNA direct mapping ({@link Native#register}):
 * interface (proxy) mapping costs 2.4–5.6× more per call (perf-baselines.md). Every pointer and
 * {@code size_t} is a Java {@code long} (LP64), so a call converts no objects and the packet path
 * passes only primitives. Bound once per class loader by {@link #bind}; before that any call throws
 * {@link UnsatisfiedLinkError}.
 */
final class LibCrypto {

    private static NativeLibrary bound;

    private LibCrypto() {
    }

    /** The names of all functions declared here: what a library must export to be usable. */
    static List<String> functionNames() {
        List<String> names = new ArrayList<>();
        for (Method method : LibCrypto.class.getDeclaredMethods()) {
            if (Modifier.isNative(method.getModifiers())) {
                names.add(method.getName());
            }
        }
        return names;
    }

    /** Binds the native methods to {@code library}, once; later calls return the library bound first. */
    static synchronized NativeLibrary bind(NativeLibrary library) {
        if (bound == null) {
            Native.register(LibCrypto.class, library);
            bound = library;
        }
        return bound;
    }

    static synchronized boolean isBound() {
        return bound != null;
    }

    // ---- version, errors, library context

    static native long OpenSSL_version_num();

    static native String OpenSSL_version(int type);

    static native long ERR_get_error();

    static native void ERR_error_string_n(long error, long buffer, long length);

    static native void ERR_clear_error();

    static native long OSSL_LIB_CTX_new();

    static native void OSSL_LIB_CTX_free(long libctx);

    static native long OSSL_PROVIDER_load(long libctx, String name);

    static native int OSSL_PROVIDER_unload(long provider);

    // ---- symmetric ciphers

    static native long EVP_CIPHER_fetch(long libctx, String algorithm, String properties);

    static native void EVP_CIPHER_free(long cipher);

    static native long EVP_CIPHER_CTX_new();

    static native void EVP_CIPHER_CTX_free(long ctx);

    static native int EVP_CipherInit_ex(long ctx, long cipher, long engine, long key, long iv, int enc);

    static native int EVP_CipherInit_ex2(long ctx, long cipher, long key, long iv, int enc, long params);

    static native int EVP_CipherUpdate(long ctx, long out, long outLength, long in, int inLength);

    static native int EVP_CipherFinal_ex(long ctx, long out, long outLength);

    static native int EVP_CIPHER_CTX_ctrl(long ctx, int type, int arg, long ptr);

    static native int EVP_CIPHER_CTX_set_padding(long ctx, int padding);

    // ---- MACs and digests

    static native long EVP_MAC_fetch(long libctx, String algorithm, String properties);

    static native void EVP_MAC_free(long mac);

    static native long EVP_MAC_CTX_new(long mac);

    static native long EVP_MAC_CTX_dup(long ctx);

    static native void EVP_MAC_CTX_free(long ctx);

    static native int EVP_MAC_CTX_set_params(long ctx, long params);

    static native int EVP_MAC_init(long ctx, long key, long keyLength, long params);

    static native int EVP_MAC_update(long ctx, long data, long length);

    static native int EVP_MAC_final(long ctx, long out, long outLength, long outSize);

    static native long EVP_MD_fetch(long libctx, String algorithm, String properties);

    static native void EVP_MD_free(long md);

    static native int EVP_MD_get_size(long md);

    static native int EVP_Digest(long data, long count, long md, long size, long type, long engine);

    static native int RAND_bytes_ex(long libctx, long buffer, long length, int strength);

    // ---- keys

    static native void EVP_PKEY_free(long pkey);

    static native long EVP_PKEY_new();

    static native int EVP_PKEY_copy_parameters(long to, long from);

    static native int EVP_PKEY_set1_encoded_public_key(long pkey, long point, long length);

    static native long EVP_PKEY_CTX_dup(long ctx);

    static native long EVP_PKEY_CTX_new_from_name(long libctx, String name, String properties);

    static native long EVP_PKEY_CTX_new_from_pkey(long libctx, long pkey, String properties);

    static native void EVP_PKEY_CTX_free(long ctx);

    static native int EVP_PKEY_CTX_set_params(long ctx, long params);

    static native int EVP_PKEY_keygen_init(long ctx);

    static native int EVP_PKEY_generate(long ctx, long pkeyOut);

    static native int EVP_PKEY_fromdata_init(long ctx);

    static native int EVP_PKEY_fromdata(long ctx, long pkeyOut, int selection, long params);

    static native int EVP_PKEY_get_octet_string_param(long pkey, String name, long buffer, long max, long outLength);

    static native int EVP_PKEY_get_utf8_string_param(long pkey, String name, long buffer, long max, long outLength);

    static native int EVP_PKEY_get_bn_param(long pkey, String name, long bnOut);

    static native long EVP_PKEY_new_raw_public_key_ex(long libctx, String type, String properties, long key, long length);

    static native long EVP_PKEY_new_raw_private_key_ex(long libctx, String type, String properties, long key,
            long length);

    static native int EVP_PKEY_get_raw_public_key(long pkey, long buffer, long length);

    static native int EVP_PKEY_get_raw_private_key(long pkey, long buffer, long length);

    static native int EVP_PKEY_is_a(long pkey, String name);

    static native int EVP_PKEY_get_bits(long pkey);

    static native int EVP_PKEY_get_size(long pkey);

    static native int EVP_PKEY_public_check_quick(long ctx);

    static native int EVP_PKEY_derive_init(long ctx);

    static native int EVP_PKEY_derive_set_peer_ex(long ctx, long peer, int validate);

    static native int EVP_PKEY_derive(long ctx, long key, long keyLength);

    static native long d2i_AutoPrivateKey_ex(long pkeyOut, long derPointer, long length, long libctx,
            String properties);

    static native long d2i_PUBKEY_ex(long pkeyOut, long derPointer, long length, long libctx, String properties);

    static native long OSSL_DECODER_CTX_new_for_pkey(long pkeyOut, String inputType, String inputStructure,
            String keyType, int selection, long libctx, String properties);

    static native int OSSL_DECODER_from_data(long ctx, long dataPointer, long lengthPointer);

    static native void OSSL_DECODER_CTX_free(long ctx);

    // ---- signatures

    static native long EVP_MD_CTX_new();

    static native void EVP_MD_CTX_free(long ctx);

    static native int EVP_DigestSignInit_ex(long ctx, long pctxOut, String digest, long libctx, String properties,
            long pkey, long params);

    static native int EVP_DigestSign(long ctx, long signature, long signatureLength, long data, long length);

    static native int EVP_DigestVerifyInit_ex(long ctx, long pctxOut, String digest, long libctx, String properties,
            long pkey, long params);

    static native int EVP_DigestVerify(long ctx, long signature, long signatureLength, long data, long length);

    // ---- big numbers and curve points (only to rebuild a key from an imported private value)

    static native long BN_bin2bn(long bytes, int length, long bn);

    static native int BN_bn2binpad(long bn, long to, int length);

    static native int BN_num_bits(long bn);

    static native int BN_cmp(long a, long b);

    static native int BN_is_zero(long a);

    static native void BN_clear_free(long bn);

    static native void BN_free(long bn);

    static native long BN_new();

    static native long BN_CTX_new_ex(long libctx);

    static native void BN_CTX_free(long ctx);

    static native int BN_mod_exp_mont_consttime(long result, long base, long exponent, long modulus, long ctx,
            long montgomery);

    static native long EC_GROUP_new_by_curve_name_ex(long libctx, String properties, int nid);

    static native void EC_GROUP_free(long group);

    static native long EC_GROUP_get0_order(long group);

    static native long EC_POINT_new(long group);

    static native void EC_POINT_free(long point);

    static native int EC_POINT_mul(long group, long result, long scalar, long point, long pointScalar, long ctx);

    static native long EC_POINT_point2oct(long group, long point, int form, long buffer, long length, long ctx);
}
