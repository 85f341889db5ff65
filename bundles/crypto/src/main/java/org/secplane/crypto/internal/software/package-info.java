/**
 * The two software crypto providers. Not exported: other bundles see them only as
 * {@link org.secplane.crypto.spi.CryptoProvider} services.
 *
 * <h2>jca</h2>
 * {@link org.secplane.crypto.internal.software.JcaProvider}: every algorithm, from the JDK's own
 * providers named explicitly (SunJCE, SUN, SunEC, SunRsaSign). On this hardware SunJCE runs AES-GCM,
 * AES-CBC and HMAC-SHA at native speed through the JDK's intrinsics, so it is the packet path.
 * Packet objects keep their JCA objects and buffers for the life of the SA; HMAC is done over two
 * {@code MessageDigest}s so that no array is allocated per packet (javax.crypto.Mac allocates its
 * result); what remains per packet is the parameter object ({@code IvParameterSpec},
 * {@code GCMParameterSpec}) the JCA API requires to change the IV. SunJCE has no 64-bit GCM tag, so
 * {@code aes-*-gcm-8} computes the full tag and truncates it (two passes to open). MODP uses an
 * explicit private exponent length ({@link org.secplane.crypto.internal.software.ModpGroup}).
 *
 * <h2>bouncycastle</h2>
 * {@link org.secplane.crypto.internal.software.BouncyCastleProvider}: Bouncy Castle's lightweight
 * API for ECDH, ECDSA, Curve25519, and DSA and RSA as alternatives. Its symmetric algorithms are
 * left out on purpose (about 20 times slower; see the class comment).
 *
 * <h2>IKE encodings</h2>
 * MODP public values and secrets are big-endian, padded to the prime's length; ECP public values are
 * {@code x || y} (RFC 5903), the secret is {@code x}; Curve25519 values are RFC 7748 little-endian
 * u-coordinates. Peer values are checked before any arithmetic: wrong length, MODP values outside
 * 2 .. p-2, coordinates not below p, points not on the curve, and all-zero Curve25519 results are
 * refused with a {@link org.secplane.crypto.CryptoException}. Private values for
 * {@code ProviderKeyExchange.privateValue()} are: MODP x big-endian; ECP d big-endian, the group
 * order's length; Curve25519 the 32-byte scalar. Both providers read each other's.
 *
 * <h2>Limits</h2>
 * The JDK offers no way to wipe a {@code SecretKeySpec} or a private key object, and SunJCE keeps its
 * own expanded key schedule: {@code close()} drops the references and wipes this code's own buffers,
 * nothing more. The JCA provider computes the public value of an imported ECP private value with a
 * plain, variable-time {@code BigInteger} double-and-add (the JDK has no public scalar
 * multiplication); this happens only when an exchange moves here from another provider.
 */
package org.secplane.crypto.internal.software;
