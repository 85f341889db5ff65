package org.secplane.ike.internal.auth;

import java.io.ByteArrayOutputStream;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Signer;
import org.secplane.ike.internal.message.AuthPayload;
import org.secplane.ike.internal.message.Ike;

/**
 * Digital-signature AUTH payloads: RFC 7427 (method 14: ASN.1 length, AlgorithmIdentifier, signature) with
 * RSA PKCS#1 v1.5, RSASSA-PSS and ECDSA; and the legacy methods 1 (RSA PKCS#1 v1.5 SHA-1), 3 (DSS SHA-1) and
 * 9/10 (ECDSA P-256/P-384 with r||s, RFC 4754).
 */
public final class Signatures {

    private static final HexFormat HEX = HexFormat.of();
    static final byte[] SHA1_RSA = HEX.parseHex("300d06092a864886f70d0101050500");
    static final byte[] SHA256_RSA = HEX.parseHex("300d06092a864886f70d01010b0500");
    static final byte[] SHA384_RSA = HEX.parseHex("300d06092a864886f70d01010c0500");
    static final byte[] SHA512_RSA = HEX.parseHex("300d06092a864886f70d01010d0500");
    static final byte[] ECDSA_SHA256 = HEX.parseHex("300a06082a8648ce3d040302");
    static final byte[] ECDSA_SHA384 = HEX.parseHex("300a06082a8648ce3d040303");
    static final byte[] ECDSA_SHA512 = HEX.parseHex("300a06082a8648ce3d040304");
    private static final byte[] OID_SHA256 = HEX.parseHex("0609608648016503040201");
    private static final byte[] OID_SHA384 = HEX.parseHex("0609608648016503040202");
    private static final byte[] OID_SHA512 = HEX.parseHex("0609608648016503040203");
    private static final byte[] OID_PSS = HEX.parseHex("06092a864886f70d01010a");
    private static final byte[] OID_MGF1 = HEX.parseHex("06092a864886f70d010108");

    private Signatures() {
    }

    /** Thrown when an AUTH payload cannot be checked or made; the message is the failure reason. */
    public static final class SignatureException extends Exception {
        private static final long serialVersionUID = 1L;

        public SignatureException(String message) {
            super(message, null, false, false);
        }
    }

    /** The RFC 7427 AlgorithmIdentifier of a signature algorithm (RSASSA-PSS with NULL hash parameters). */
    public static byte[] algorithmIdentifier(Algorithm a) {
        switch (a) {
            case RSA_PKCS1_SHA1: return SHA1_RSA.clone();
            case RSA_PKCS1_SHA256: return SHA256_RSA.clone();
            case RSA_PKCS1_SHA384: return SHA384_RSA.clone();
            case RSA_PKCS1_SHA512: return SHA512_RSA.clone();
            case ECDSA_P256_SHA256: return ECDSA_SHA256.clone();
            case ECDSA_P384_SHA384: return ECDSA_SHA384.clone();
            case RSA_PSS_SHA256: return pss(OID_SHA256, 32, true);
            case RSA_PSS_SHA384: return pss(OID_SHA384, 48, true);
            case RSA_PSS_SHA512: return pss(OID_SHA512, 64, true);
            default: throw new IllegalArgumentException(a + " has no RFC 7427 identifier here");
        }
    }

    /** RSASSA-PSS-params with MGF1 of the same hash, the salt as long as the hash, default trailer. */
    static byte[] pss(byte[] hashOid, int salt, boolean withNull) {
        byte[] hashAlg = der(0x30, withNull ? concat(hashOid, new byte[] {5, 0}) : hashOid);
        byte[] params = der(0x30, concat(der(0xa0, hashAlg), der(0xa1, der(0x30, concat(OID_MGF1, hashAlg))),
                der(0xa2, new byte[] {2, 1, (byte) salt})));
        return der(0x30, concat(OID_PSS, params));
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4);
        out.write(tag);
        if (content.length < 128) {
            out.write(content.length);
        } else {
            out.write(0x81);
            out.write(content.length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The signature algorithm an RFC 7427 AlgorithmIdentifier names, or {@code null}. */
    static Algorithm fromIdentifier(byte[] id) {
        if (Arrays.equals(id, SHA1_RSA)) {
            return Algorithm.RSA_PKCS1_SHA1;
        }
        if (Arrays.equals(id, SHA256_RSA)) {
            return Algorithm.RSA_PKCS1_SHA256;
        }
        if (Arrays.equals(id, SHA384_RSA)) {
            return Algorithm.RSA_PKCS1_SHA384;
        }
        if (Arrays.equals(id, SHA512_RSA)) {
            return Algorithm.RSA_PKCS1_SHA512;
        }
        if (Arrays.equals(id, ECDSA_SHA256)) {
            return Algorithm.ECDSA_P256_SHA256;
        }
        if (Arrays.equals(id, ECDSA_SHA384)) {
            return Algorithm.ECDSA_P384_SHA384;
        }
        for (boolean withNull : new boolean[] {true, false}) {
            if (Arrays.equals(id, pss(OID_SHA256, 32, withNull))) {
                return Algorithm.RSA_PSS_SHA256;
            }
            if (Arrays.equals(id, pss(OID_SHA384, 48, withNull))) {
                return Algorithm.RSA_PSS_SHA384;
            }
            if (Arrays.equals(id, pss(OID_SHA512, 64, withNull))) {
                return Algorithm.RSA_PSS_SHA512;
            }
        }
        return null;
    }

    /** The curve size in bytes of an EC key (32, 48, 66), or 0. */
    static int curveBytes(PublicKey key) {
        if (key instanceof ECPublicKey) {
            return (((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() + 7) / 8;
        }
        return 0;
    }

    /**
     * Signs {@code octets} and builds the AUTH payload. {@code peerHashes}: the peer's SIGNATURE_HASH_ALGORITHMS
     * (RFC 7427), or {@code null} when it sent none (then a legacy method is used).
     */
    public static AuthPayload sign(LocalCredential credential, int[] peerHashes, byte[] octets) throws SignatureException {
        PublicKey key = credential.certificate().getPublicKey();
        boolean rfc7427 = peerHashes != null;
        Algorithm algorithm;
        int method;
        if (key instanceof RSAPublicKey) {
            if (rfc7427) {
                int hash = supports(peerHashes, Ike.HASH_SHA2_256) ? Ike.HASH_SHA2_256
                        : supports(peerHashes, Ike.HASH_SHA2_384) ? Ike.HASH_SHA2_384
                        : supports(peerHashes, Ike.HASH_SHA2_512) ? Ike.HASH_SHA2_512 : Ike.HASH_SHA1;
                algorithm = credential.preferPss() && hash != Ike.HASH_SHA1
                        ? (hash == Ike.HASH_SHA2_256 ? Algorithm.RSA_PSS_SHA256 : hash == Ike.HASH_SHA2_384
                                ? Algorithm.RSA_PSS_SHA384 : Algorithm.RSA_PSS_SHA512)
                        : (hash == Ike.HASH_SHA2_256 ? Algorithm.RSA_PKCS1_SHA256 : hash == Ike.HASH_SHA2_384
                                ? Algorithm.RSA_PKCS1_SHA384 : hash == Ike.HASH_SHA2_512 ? Algorithm.RSA_PKCS1_SHA512
                                : Algorithm.RSA_PKCS1_SHA1);
                method = Ike.AUTH_DIGITAL_SIGNATURE;
            } else {
                algorithm = Algorithm.RSA_PKCS1_SHA1;
                method = Ike.AUTH_RSA;
            }
        } else if (key instanceof ECPublicKey) {
            int size = curveBytes(key);
            if (size == 32) {
                algorithm = Algorithm.ECDSA_P256_SHA256;
                method = rfc7427 ? Ike.AUTH_DIGITAL_SIGNATURE : Ike.AUTH_ECDSA_256;
            } else if (size == 48) {
                algorithm = Algorithm.ECDSA_P384_SHA384;
                method = rfc7427 ? Ike.AUTH_DIGITAL_SIGNATURE : Ike.AUTH_ECDSA_384;
            } else {
                throw new SignatureException("local certificate key on an unsupported curve");
            }
            if (rfc7427 && !supports(peerHashes, size == 32 ? Ike.HASH_SHA2_256 : Ike.HASH_SHA2_384)) {
                throw new SignatureException("peer accepts none of the hash algorithms the local ECDSA key needs");
            }
        } else if (key.getAlgorithm().equals("DSA")) {
            algorithm = Algorithm.DSA_SHA1;
            method = Ike.AUTH_DSS;
        } else {
            throw new SignatureException("local certificate key type " + key.getAlgorithm() + " is not supported");
        }
        Signer signer = credential.signer(algorithm);
        if (signer == null) {
            throw new SignatureException("the local key cannot sign with " + algorithm.label());
        }
        byte[] signature = signer.sign(octets);
        if (method == Ike.AUTH_DIGITAL_SIGNATURE) {
            byte[] id = algorithmIdentifier(algorithm);
            byte[] data = new byte[1 + id.length + signature.length];
            data[0] = (byte) id.length;
            System.arraycopy(id, 0, data, 1, id.length);
            System.arraycopy(signature, 0, data, 1 + id.length, signature.length);
            return new AuthPayload(method, data);
        }
        if (method == Ike.AUTH_ECDSA_256 || method == Ike.AUTH_ECDSA_384) {
            return new AuthPayload(method, derToRaw(signature, method == Ike.AUTH_ECDSA_256 ? 32 : 48));
        }
        if (method == Ike.AUTH_DSS) {
            return new AuthPayload(method, derToRaw(signature, 20));
        }
        return new AuthPayload(method, signature);
    }

    private static boolean supports(int[] hashes, int hash) {
        for (int h : hashes) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    /** Checks a signature AUTH payload against the peer certificate's key; throws with the reason on failure. */
    public static void verify(CryptoRegistry crypto, AuthPayload auth, PublicKey key, byte[] octets) throws SignatureException {
        Algorithm algorithm;
        byte[] signature;
        switch (auth.method) {
            case Ike.AUTH_DIGITAL_SIGNATURE: {
                if (auth.data.length < 2) {
                    throw new SignatureException("RFC 7427 AUTH payload too short");
                }
                int idLength = auth.data[0] & 0xFF;
                if (idLength + 1 >= auth.data.length) {
                    throw new SignatureException("RFC 7427 AUTH payload: bad AlgorithmIdentifier length");
                }
                algorithm = fromIdentifier(Arrays.copyOfRange(auth.data, 1, 1 + idLength));
                if (algorithm == null) {
                    throw new SignatureException("RFC 7427 AUTH payload: signature algorithm not supported");
                }
                signature = Arrays.copyOfRange(auth.data, 1 + idLength, auth.data.length);
                break;
            }
            case Ike.AUTH_RSA:
                algorithm = Algorithm.RSA_PKCS1_SHA1;
                signature = auth.data;
                break;
            case Ike.AUTH_ECDSA_256:
                algorithm = Algorithm.ECDSA_P256_SHA256;
                signature = rawToDer(auth.data, 32);
                break;
            case Ike.AUTH_ECDSA_384:
                algorithm = Algorithm.ECDSA_P384_SHA384;
                signature = rawToDer(auth.data, 48);
                break;
            case Ike.AUTH_DSS:
                algorithm = Algorithm.DSA_SHA1;
                signature = rawToDer(auth.data, 20);
                break;
            default:
                throw new SignatureException("authentication method " + auth.method + " is not supported");
        }
        if (signature == null) {
            throw new SignatureException("signature of the wrong size for method " + auth.method);
        }
        boolean rsaKey = key instanceof RSAPublicKey;
        boolean rsaAlg = algorithm.label().startsWith("rsa");
        if (rsaKey != rsaAlg || (key instanceof ECPublicKey && curveBytes(key) != (algorithm == Algorithm.ECDSA_P256_SHA256 ? 32
                : algorithm == Algorithm.ECDSA_P384_SHA384 ? 48 : -1))) {
            throw new SignatureException("signature algorithm " + algorithm.label() + " does not fit the certificate's "
                    + key.getAlgorithm() + " key");
        }
        if (!crypto.supports(algorithm)) {
            throw new SignatureException("signature algorithm " + algorithm.label() + " is not available");
        }
        if (!crypto.verify(algorithm, key, octets, signature)) {
            throw new SignatureException("signature (" + algorithm.label() + ") does not verify with the peer certificate");
        }
    }

    /** DER ECDSA-Sig-Value → r || s of {@code size} bytes each; throws when malformed. */
    static byte[] derToRaw(byte[] der, int size) throws SignatureException {
        try {
            int at = 0;
            if (der[at++] != 0x30) {
                throw new SignatureException("signature is not a DER sequence");
            }
            int len = der[at++] & 0xFF;
            if (len == 0x81) {
                len = der[at++] & 0xFF;
            }
            byte[] out = new byte[2 * size];
            for (int i = 0; i < 2; i++) {
                if (der[at++] != 0x02) {
                    throw new SignatureException("signature integer missing");
                }
                int n = der[at++] & 0xFF;
                int start = at;
                while (n > size && der[start] == 0) {
                    start++;
                    n--;
                }
                if (n > size) {
                    throw new SignatureException("signature integer too long");
                }
                System.arraycopy(der, start, out, i * size + size - n, n);
                at = start + n;
            }
            return out;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new SignatureException("signature is truncated");
        }
    }

    /** r || s → DER ECDSA-Sig-Value, or {@code null} when the length is not {@code 2 * size}. */
    static byte[] rawToDer(byte[] raw, int size) {
        if (raw.length != 2 * size) {
            return null;
        }
        byte[] r = integer(raw, 0, size);
        byte[] s = integer(raw, size, size);
        return der(0x30, concat(r, s));
    }

    private static byte[] integer(byte[] b, int off, int len) {
        int start = off;
        while (start < off + len - 1 && b[start] == 0) {
            start++;
        }
        boolean pad = (b[start] & 0x80) != 0;
        byte[] content = new byte[off + len - start + (pad ? 1 : 0)];
        System.arraycopy(b, start, content, pad ? 1 : 0, off + len - start);
        return der(0x02, content);
    }
}
