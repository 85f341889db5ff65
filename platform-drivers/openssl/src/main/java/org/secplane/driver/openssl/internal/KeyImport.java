package org.secplane.driver.openssl.internal;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import org.secplane.crypto.CryptoException;

/**
 * Java keys into {@code EVP_PKEY}s. The general path decodes the key's encoding with
 * {@code d2i_AutoPrivateKey_ex} (PKCS#8) or {@code d2i_PUBKEY_ex} (SubjectPublicKeyInfo); but OpenSSL
 * 3.0 builds a decoder chain per call, which costs about 170 µs for a public key and 530 µs for a
 * private one on this machine (an RSA-2048 verification itself is about 20 µs). So keys that expose
 * their components through {@code java.security.interfaces} (RSA with CRT, EC on the NIST curves, DSA
 * public keys) are built from those with {@code EVP_PKEY_fromdata} instead (about 13 µs), and the DER
 * path is kept for everything else.
 */
final class KeyImport {

    private static final String[][] CURVES = {{"secp256r1", "P-256"}, {"secp384r1", "P-384"}, {"secp521r1", "P-521"}};
    private static final ECParameterSpec[] CURVE_SPECS = new ECParameterSpec[CURVES.length];

    static {
        for (int i = 0; i < CURVES.length; i++) {
            try {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(CURVES[i][0]));
                CURVE_SPECS[i] = parameters.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException | RuntimeException unavailable) {
                CURVE_SPECS[i] = null; // then keys on this curve take the DER path
            }
        }
    }

    private KeyImport() {
    }

    /** The OpenSSL name of a NIST curve given by its full parameters, or null. */
    static String curveName(ECParameterSpec spec) {
        for (int i = 0; i < CURVES.length; i++) {
            ECParameterSpec known = CURVE_SPECS[i];
            if (known != null && known.getCurve().equals(spec.getCurve()) && known.getGenerator().equals(spec.getGenerator())
                    && known.getOrder().equals(spec.getOrder()) && known.getCofactor() == spec.getCofactor()) {
                return CURVES[i][1];
            }
        }
        return null;
    }

    static long privateKey(OpenSslLibrary library, PrivateKey key) {
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            if (rsa.getPrimeP() != null && rsa.getPrimeP().signum() > 0) {
                try (Params params = Params.builder().bigNumber("n", unsigned(rsa.getModulus()))
                        .bigNumber("e", unsigned(rsa.getPublicExponent()))
                        .bigNumber("d", unsigned(rsa.getPrivateExponent()))
                        .bigNumber("rsa-factor1", unsigned(rsa.getPrimeP()))
                        .bigNumber("rsa-factor2", unsigned(rsa.getPrimeQ()))
                        .bigNumber("rsa-exponent1", unsigned(rsa.getPrimeExponentP()))
                        .bigNumber("rsa-exponent2", unsigned(rsa.getPrimeExponentQ()))
                        .bigNumber("rsa-coefficient1", unsigned(rsa.getCrtCoefficient())).build()) {
                    return fromData(library, "RSA", OsslKeyExchange.KEYPAIR, params);
                }
            }
        } else if (key instanceof ECPrivateKey) {
            ECPrivateKey ec = (ECPrivateKey) key;
            String curve = curveName(ec.getParams());
            if (curve != null) {
                try (Params params = Params.builder().utf8("group", curve).bigNumber("priv", unsigned(ec.getS())).build()) {
                    return fromData(library, "EC", OsslKeyExchange.KEYPAIR, params);
                }
            }
        }
        byte[] der = key == null ? null : key.getEncoded();
        if (der == null || key.getFormat() == null || !"PKCS#8".equalsIgnoreCase(key.getFormat())) {
            throw new CryptoException("the private key is not available as PKCS#8"
                    + " (a key kept in an HSM signs through the key store)");
        }
        try {
            return decodePrivate(library, der);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    static long publicKey(OpenSslLibrary library, PublicKey key) {
        if (key instanceof RSAPublicKey) {
            RSAPublicKey rsa = (RSAPublicKey) key;
            try (Params params = Params.builder().bigNumber("n", unsigned(rsa.getModulus()))
                    .bigNumber("e", unsigned(rsa.getPublicExponent())).build()) {
                return fromData(library, "RSA", OsslKeyExchange.PUBLIC_KEY, params);
            }
        } else if (key instanceof ECPublicKey) {
            ECPublicKey ec = (ECPublicKey) key;
            String curve = curveName(ec.getParams());
            if (curve != null) {
                int field = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
                ECPoint w = ec.getW();
                if (w == ECPoint.POINT_INFINITY) {
                    throw new CryptoException("invalid EC public key: the point at infinity");
                }
                byte[] point = new byte[1 + 2 * field];
                point[0] = 4;
                byte[] x = unsigned(w.getAffineX());
                byte[] y = unsigned(w.getAffineY());
                if (x.length > field || y.length > field) {
                    throw new CryptoException("invalid EC public key: coordinate too long");
                }
                System.arraycopy(x, 0, point, 1 + field - x.length, x.length);
                System.arraycopy(y, 0, point, 1 + 2 * field - y.length, y.length);
                return ecPublicKey(library, curve, point);
            }
        } else if (key instanceof DSAPublicKey) {
            DSAPublicKey dsa = (DSAPublicKey) key;
            DSAParams p = dsa.getParams();
            if (p != null) {
                try (Params params = Params.builder().bigNumber("p", unsigned(p.getP())).bigNumber("q", unsigned(p.getQ()))
                        .bigNumber("g", unsigned(p.getG())).bigNumber("pub", unsigned(dsa.getY())).build()) {
                    return fromData(library, "DSA", OsslKeyExchange.PUBLIC_KEY, params);
                }
            }
        }
        byte[] der = key == null ? null : key.getEncoded();
        if (der == null) {
            throw new CryptoException("the public key has no SubjectPublicKeyInfo encoding");
        }
        return decodePublic(library, der);
    }

    /**
     * An EC public key: the group copied from a per-curve template key (made once), then the point,
     * which libcrypto checks is on the curve. Half the cost of {@code EVP_PKEY_fromdata} with the curve
     * name, which builds the group again every time.
     */
    private static long ecPublicKey(OpenSslLibrary library, String curve, byte[] point) {
        long template = library.keyTemplate("EC-parameters-" + curve, () -> {
            try (Params params = Params.builder().utf8("group", curve).build()) {
                return fromData(library, "EC", OsslKeyExchange.KEY_PARAMETERS, params);
            }
        });
        long pkey = Errors.check(LibCrypto.EVP_PKEY_new(), "EVP_PKEY_new");
        try (NativeScratch scratch = new NativeScratch(point.length)) {
            scratch.put(0, point);
            if (LibCrypto.EVP_PKEY_copy_parameters(pkey, template) != 1
                    || LibCrypto.EVP_PKEY_set1_encoded_public_key(pkey, scratch.at(0), point.length) != 1) {
                LibCrypto.EVP_PKEY_free(pkey);
                throw Errors.failure("invalid EC public key", "not a point on " + curve);
            }
            return pkey;
        }
    }

    private static long fromData(OpenSslLibrary library, String type, int selection, Params params) {
        long ctx = Errors.check(LibCrypto.EVP_PKEY_CTX_new_from_name(library.libctx(), type, null),
                "EVP_PKEY_CTX_new_from_name(" + type + ")");
        try (NativeScratch out = new NativeScratch(8)) {
            if (LibCrypto.EVP_PKEY_fromdata_init(ctx) != 1
                    || LibCrypto.EVP_PKEY_fromdata(ctx, out.at(0), selection, params.address()) != 1) {
                throw Errors.failure("invalid " + type + " key", "EVP_PKEY_fromdata refused it");
            }
            return out.getLong(0);
        } finally {
            LibCrypto.EVP_PKEY_CTX_free(ctx);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        if (value.signum() < 0) {
            throw new CryptoException("invalid key: negative component");
        }
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static long decodePrivate(OpenSslLibrary library, byte[] der) {
        try (NativeScratch scratch = new NativeScratch(16L + der.length)) {
            scratch.put(16, der);
            scratch.setLong(0, scratch.at(16)); // d2i advances this pointer
            long pkey = LibCrypto.d2i_AutoPrivateKey_ex(0, scratch.at(0), der.length, library.libctx(), null);
            if (pkey == 0) {
                throw Errors.failure("private key not decodable as PKCS#8", "d2i_AutoPrivateKey failed");
            }
            return pkey;
        }
    }

    static long decodePublic(OpenSslLibrary library, byte[] der) {
        try (NativeScratch scratch = new NativeScratch(16L + der.length)) {
            scratch.put(16, der);
            scratch.setLong(0, scratch.at(16));
            long pkey = LibCrypto.d2i_PUBKEY_ex(0, scratch.at(0), der.length, library.libctx(), null);
            if (pkey == 0) {
                throw Errors.failure("public key not decodable as SubjectPublicKeyInfo", "d2i_PUBKEY failed");
            }
            return pkey;
        }
    }
}
