package org.secplane.crypto.internal.software;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/**
 * A NIST prime curve as IKE uses it (RFC 5903): public values {@code x || y}, each coordinate padded
 * to the field size, shared secret {@code x}. Holds the JCA parameters and the point checks done
 * before a peer's value reaches any provider code.
 *
 * <p>{@link #multiply} is a plain affine double-and-add in {@link BigInteger}: variable-time and slow
 * (milliseconds). It is used only to compute the public value of a private value imported from
 * another provider ({@code keyExchange(algorithm, privateValue)}), which the JDK cannot do.
 */
final class EcCurve {

    static final EcCurve P256 = new EcCurve("secp256r1", "P-256", 32);
    static final EcCurve P384 = new EcCurve("secp384r1", "P-384", 48);
    static final EcCurve P521 = new EcCurve("secp521r1", "P-521", 66);

    private final String jcaName;
    private final String nistName;
    private final int length;
    private ECParameterSpec spec;

    private EcCurve(String jcaName, String nistName, int length) {
        this.jcaName = jcaName;
        this.nistName = nistName;
        this.length = length;
    }

    static EcCurve of(Algorithm algorithm) {
        switch (algorithm) {
            case ECP_256:
            case ECDSA_P256_SHA256:
                return P256;
            case ECP_384:
            case ECDSA_P384_SHA384:
                return P384;
            case ECP_521:
                return P521;
            default:
                throw new IllegalArgumentException(algorithm.label() + " has no NIST curve");
        }
    }

    String jcaName() {
        return jcaName;
    }

    String nistName() {
        return nistName;
    }

    /** Coordinate length in bytes. */
    int length() {
        return length;
    }

    synchronized ECParameterSpec spec() {
        if (spec == null) {
            try {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", JcaProvider.SUN_EC);
                parameters.init(new ECGenParameterSpec(jcaName));
                spec = parameters.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new CryptoException("curve " + jcaName + " is not available from " + JcaProvider.SUN_EC, e);
            }
        }
        return spec;
    }

    BigInteger fieldPrime() {
        return ((ECFieldFp) spec().getCurve().getField()).getP();
    }

    /** Whether a key's parameters are this curve. */
    boolean matches(ECParameterSpec other) {
        ECParameterSpec mine = spec();
        return other != null && mine.getCurve().equals(other.getCurve()) && mine.getGenerator().equals(other.getGenerator())
                && mine.getOrder().equals(other.getOrder());
    }

    byte[] encode(ECPoint point) {
        byte[] out = new byte[2 * length];
        System.arraycopy(Bytes.fixed(point.getAffineX(), length), 0, out, 0, length);
        System.arraycopy(Bytes.fixed(point.getAffineY(), length), 0, out, length, length);
        return out;
    }

    /**
     * Decodes {@code x || y} and checks it as RFC 6989 section 2.3 and NIST SP 800-56A Rev. 3 section
     * 5.6.2.3.3 ask: right length, both coordinates below p, on the curve (which also excludes the
     * point at infinity, having no affine encoding). The curves have cofactor 1, so no order check is
     * needed.
     */
    ECPoint decodePeer(Algorithm algorithm, byte[] encoded) {
        if (encoded == null || encoded.length != 2 * length) {
            throw new CryptoException(algorithm.label() + ": peer public value has " + (encoded == null ? 0 : encoded.length)
                    + " bytes, expected " + 2 * length);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 0, length));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, length, 2 * length));
        BigInteger p = fieldPrime();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new CryptoException(algorithm.label() + ": peer public value has a coordinate not below p");
        }
        if (!onCurve(x, y)) {
            throw new CryptoException(algorithm.label() + ": peer public value is not a point of the curve");
        }
        return new ECPoint(x, y);
    }

    boolean onCurve(BigInteger x, BigInteger y) {
        BigInteger p = fieldPrime();
        BigInteger a = spec().getCurve().getA();
        BigInteger b = spec().getCurve().getB();
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        return left.equals(right);
    }

    /** {@code k * G} by affine double-and-add; see the class comment for where it is used. */
    ECPoint multiplyGenerator(BigInteger k) {
        return multiply(spec().getGenerator(), k);
    }

    ECPoint multiply(ECPoint point, BigInteger k) {
        ECPoint result = ECPoint.POINT_INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = add(result, result);
            if (k.testBit(i)) {
                result = add(result, point);
            }
        }
        return result;
    }

    private ECPoint add(ECPoint p1, ECPoint p2) {
        if (p1 == ECPoint.POINT_INFINITY) {
            return p2;
        }
        if (p2 == ECPoint.POINT_INFINITY) {
            return p1;
        }
        BigInteger p = fieldPrime();
        BigInteger x1 = p1.getAffineX();
        BigInteger y1 = p1.getAffineY();
        BigInteger x2 = p2.getAffineX();
        BigInteger y2 = p2.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (y1.add(y2).mod(p).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger a = spec().getCurve().getA();
            lambda = x1.multiply(x1).multiply(BigInteger.valueOf(3)).add(a).multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
