package org.secplane.crypto.internal.software;

import java.io.IOException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.DSASigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Signer;

/**
 * RSA (PKCS #1 v1.5 with blinding, PSS), DSA and ECDSA with Bouncy Castle's lightweight signers.
 * Signatures are DER (r, s) for DSA and ECDSA, as the JDK writes them. Keys arrive as JCA keys and
 * are converted through their standard encodings; EC keys are moved to the specialised curve
 * arithmetic.
 */
final class BcSignatures {

    private BcSignatures() {
    }

    static Signer signer(Algorithm algorithm, PrivateKey key, SecureRandom random) {
        AsymmetricKeyParameter parameters = convert(algorithm, key, true);
        return new Signer() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] sign(byte[] data) {
                org.bouncycastle.crypto.Signer signer = newSigner(algorithm);
                signer.init(true, new ParametersWithRandom(parameters, random));
                signer.update(data, 0, data.length);
                try {
                    return signer.generateSignature();
                } catch (org.bouncycastle.crypto.CryptoException | RuntimeException e) {
                    throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    static boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        AsymmetricKeyParameter parameters = convert(algorithm, key, false);
        org.bouncycastle.crypto.Signer signer = newSigner(algorithm);
        signer.init(false, parameters);
        try {
            signer.update(data, 0, data.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false; // a malformed signature is a bad signature
        }
    }

    private static org.bouncycastle.crypto.Signer newSigner(Algorithm algorithm) {
        switch (algorithm) {
            case RSA_PKCS1_SHA1:
                return new RSADigestSigner(new SHA1Digest());
            case RSA_PKCS1_SHA256:
                return new RSADigestSigner(new SHA256Digest());
            case RSA_PKCS1_SHA384:
                return new RSADigestSigner(new SHA384Digest());
            case RSA_PKCS1_SHA512:
                return new RSADigestSigner(new SHA512Digest());
            case RSA_PSS_SHA256:
                return pss(new SHA256Digest(), new SHA256Digest());
            case RSA_PSS_SHA384:
                return pss(new SHA384Digest(), new SHA384Digest());
            case RSA_PSS_SHA512:
                return pss(new SHA512Digest(), new SHA512Digest());
            case DSA_SHA1:
                return new DSADigestSigner(new DSASigner(), new SHA1Digest());
            case DSA_SHA256:
                return new DSADigestSigner(new DSASigner(), new SHA256Digest());
            case ECDSA_P256_SHA256:
                return new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
            case ECDSA_P384_SHA384:
                return new DSADigestSigner(new ECDSASigner(), new SHA384Digest());
            default:
                throw new IllegalArgumentException(algorithm.label() + " is not a signature algorithm");
        }
    }

    private static org.bouncycastle.crypto.Signer pss(Digest content, Digest mgf) {
        return new PSSSigner(new RSABlindedEngine(), content, mgf, content.getDigestSize());
    }

    private static AsymmetricKeyParameter convert(Algorithm algorithm, Key key, boolean isPrivate) {
        if (key == null) {
            throw new CryptoException(algorithm.label() + ": no key");
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new CryptoException(algorithm.label() + ": the " + key.getAlgorithm() + " key cannot be encoded");
        }
        AsymmetricKeyParameter parameters;
        try {
            parameters = isPrivate ? PrivateKeyFactory.createKey(encoded) : PublicKeyFactory.createKey(encoded);
        } catch (IOException | RuntimeException e) {
            throw new CryptoException(algorithm.label() + ": unreadable " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
        String label = algorithm.label();
        if (label.startsWith("rsa-") && parameters instanceof RSAKeyParameters
                || label.startsWith("dsa-") && parameters instanceof DSAKeyParameters) {
            return parameters;
        }
        if (label.startsWith("ecdsa-")) {
            if (parameters instanceof ECPrivateKeyParameters
                    && BcCurves.sameCurve(algorithm, ((ECPrivateKeyParameters) parameters).getParameters())) {
                return new ECPrivateKeyParameters(((ECPrivateKeyParameters) parameters).getD(), BcCurves.domain(algorithm));
            }
            if (parameters instanceof ECPublicKeyParameters
                    && BcCurves.sameCurve(algorithm, ((ECPublicKeyParameters) parameters).getParameters())) {
                byte[] point = ((ECPublicKeyParameters) parameters).getQ().getEncoded(false);
                return new ECPublicKeyParameters(BcCurves.domain(algorithm).getCurve().decodePoint(point), BcCurves.domain(algorithm));
            }
        }
        throw new CryptoException(label + " cannot use a " + key.getAlgorithm() + " key"
                + (label.startsWith("ecdsa-") ? " (needs one on " + BcCurves.curveName(algorithm) + ")" : ""));
    }
}
