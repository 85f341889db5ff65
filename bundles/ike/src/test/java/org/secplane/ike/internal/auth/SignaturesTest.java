package org.secplane.ike.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.AuthPayload;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.testkit.TestCrypto;
import org.secplane.ike.internal.testkit.TestPki;

/** RFC 7427 AlgorithmIdentifiers, legacy methods, and sign/verify round trips per key type. */
class SignaturesTest {

    @Test
    void theRfc7427AlgorithmIdentifiersAreTheDerBouncyCastleWrites() throws Exception {
        assertArrayEquals(new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE).getEncoded(),
                Signatures.algorithmIdentifier(Algorithm.RSA_PKCS1_SHA256));
        assertArrayEquals(new AlgorithmIdentifier(PKCSObjectIdentifiers.sha1WithRSAEncryption, DERNull.INSTANCE).getEncoded(),
                Signatures.algorithmIdentifier(Algorithm.RSA_PKCS1_SHA1));
        assertArrayEquals(new AlgorithmIdentifier(PKCSObjectIdentifiers.sha512WithRSAEncryption, DERNull.INSTANCE).getEncoded(),
                Signatures.algorithmIdentifier(Algorithm.RSA_PKCS1_SHA512));
        assertArrayEquals(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256).getEncoded(),
                Signatures.algorithmIdentifier(Algorithm.ECDSA_P256_SHA256));
        assertArrayEquals(new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA384).getEncoded(),
                Signatures.algorithmIdentifier(Algorithm.ECDSA_P384_SHA384));
        AlgorithmIdentifier sha256 = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE);
        byte[] pss = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, new RSASSAPSSparams(sha256,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha256), new ASN1Integer(32), new ASN1Integer(1))).getEncoded();
        assertArrayEquals(pss, Signatures.algorithmIdentifier(Algorithm.RSA_PSS_SHA256));
        AlgorithmIdentifier sha384NoNull = new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha384);
        byte[] pssNoNull = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS, new RSASSAPSSparams(sha384NoNull,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, sha384NoNull), new ASN1Integer(48), new ASN1Integer(1)))
                .getEncoded();
        assertEquals(Algorithm.RSA_PSS_SHA384, Signatures.fromIdentifier(pssNoNull), "hash parameters may be absent");
    }

    static Stream<Arguments> keys() {
        return Stream.of(Arguments.of("rsa", false, true, Ike.AUTH_DIGITAL_SIGNATURE), Arguments.of("rsa", true, true, Ike.AUTH_DIGITAL_SIGNATURE),
                Arguments.of("rsa", false, false, Ike.AUTH_RSA), Arguments.of("p256", false, true, Ike.AUTH_DIGITAL_SIGNATURE),
                Arguments.of("p256", false, false, Ike.AUTH_ECDSA_256), Arguments.of("p384", false, true, Ike.AUTH_DIGITAL_SIGNATURE),
                Arguments.of("p384", false, false, Ike.AUTH_ECDSA_384));
    }

    @ParameterizedTest(name = "{0} pss={1} rfc7427={2}")
    @MethodSource("keys")
    void aSignatureMadeForAnAuthPayloadVerifiesAndAnotherMessageDoesNot(String type, boolean pss, boolean rfc7427, int method)
            throws Exception {
        KeyPair k = type.equals("rsa") ? TestPki.rsa(2048) : TestPki.ec(type.equals("p256") ? "secp256r1" : "secp384r1");
        X509Certificate cert = TestPki.issue("CN=t", k.getPublic(), "CN=t", k.getPrivate(), false);
        LocalCredential cred = TestPki.credential(cert, k.getPrivate(), List.of(), pss);
        byte[] octets = "InitiatorSignedOctets".getBytes();
        AuthPayload auth = Signatures.sign(cred, rfc7427 ? new int[] {2, 3, 4} : null, octets);
        assertEquals(method, auth.method);
        if (pss) {
            assertArrayEquals(Signatures.algorithmIdentifier(Algorithm.RSA_PSS_SHA256), java.util.Arrays.copyOfRange(auth.data, 1,
                    1 + auth.data[0]));
        }
        Signatures.verify(TestCrypto.direct(), auth, cert.getPublicKey(), octets);
        assertThrows(Signatures.SignatureException.class,
                () -> Signatures.verify(TestCrypto.direct(), auth, cert.getPublicKey(), "other".getBytes()));
    }

    @Test
    void ecdsaSignaturesConvertBetweenDerAndRawBothWays() throws Exception {
        byte[] raw = new byte[64];
        raw[0] = (byte) 0x80;
        raw[63] = 1;
        byte[] der = Signatures.rawToDer(raw, 32);
        assertArrayEquals(raw, Signatures.derToRaw(der, 32));
        assertEquals(null, Signatures.rawToDer(new byte[63], 32));
    }
}
