package org.secplane.crypto.internal.software;

import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/** The NIST curves with Bouncy Castle's specialised ("custom") field arithmetic. */
final class BcCurves {

    private static final Map<Algorithm, ECDomainParameters> DOMAINS = new EnumMap<>(Algorithm.class);

    private BcCurves() {
    }

    static synchronized ECDomainParameters domain(Algorithm algorithm) {
        return DOMAINS.computeIfAbsent(algorithm, a -> {
            X9ECParameters x9 = CustomNamedCurves.getByName(curveName(a));
            if (x9 == null) {
                throw new CryptoException("Bouncy Castle has no custom curve " + curveName(a));
            }
            return new ECDomainParameters(x9);
        });
    }

    static int length(Algorithm algorithm) {
        return (domain(algorithm).getCurve().getFieldSize() + 7) / 8;
    }

    static String curveName(Algorithm algorithm) {
        switch (algorithm) {
            case ECP_256:
            case ECDSA_P256_SHA256:
                return "secp256r1";
            case ECP_384:
            case ECDSA_P384_SHA384:
                return "secp384r1";
            case ECP_521:
                return "secp521r1";
            default:
                throw new IllegalArgumentException(algorithm.label() + " has no NIST curve");
        }
    }

    /** Whether parameters parsed from a key are the same curve as this algorithm's. */
    static boolean sameCurve(Algorithm algorithm, ECDomainParameters other) {
        ECDomainParameters mine = domain(algorithm);
        return mine.getN().equals(other.getN())
                && mine.getCurve().getField().getCharacteristic().equals(other.getCurve().getField().getCharacteristic())
                && mine.getCurve().getA().toBigInteger().equals(other.getCurve().getA().toBigInteger())
                && mine.getCurve().getB().toBigInteger().equals(other.getCurve().getB().toBigInteger())
                && java.util.Arrays.equals(mine.getG().getEncoded(false), other.getG().getEncoded(false));
    }
}
