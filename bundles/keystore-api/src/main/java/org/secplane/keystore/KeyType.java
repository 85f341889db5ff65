package org.secplane.keystore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.secplane.crypto.Algorithm;

/**
 * The key pair types of {@code request security pki generate-key-pair ... type (dsa | ecdsa | rsa)} with
 * the sizes each accepts. The guide lists the sizes 256, 384, 512, 1024, 2048 and 4096 for all types
 * together, says 256 and 384 are the ECDSA sizes and 1024 the default (pki.md §3.11, §4.2, §6.2 item
 * 12); the rulings here are: RSA 512, 1024, 2048, 4096; DSA 512, 1024, 2048 (FIPS 186 defines no
 * 4096-bit DSA); ECDSA 256 (P-256) and 384 (P-384), default 256 because 1024 is no ECDSA size.
 */
public enum KeyType {

    RSA("rsa", 1024, 512, 1024, 2048, 4096),
    DSA("dsa", 1024, 512, 1024, 2048),
    ECDSA("ecdsa", 256, 256, 384);

    /** Every size the command accepts, for any type, in the guide's order. */
    public static final List<Integer> ALL_SIZES = List.of(256, 384, 512, 1024, 2048, 4096);

    private final String label;
    private final int defaultSize;
    private final List<Integer> sizes;

    KeyType(String label, int defaultSize, Integer... sizes) {
        this.label = label;
        this.defaultSize = defaultSize;
        this.sizes = List.of(sizes);
    }

    /** As typed in the CLI: {@code rsa}, {@code dsa}, {@code ecdsa}. */
    public String label() {
        return label;
    }

    /** Bits: the modulus (RSA), the prime p (DSA) or the curve's field (ECDSA). */
    public List<Integer> sizes() {
        return sizes;
    }

    public int defaultSize() {
        return defaultSize;
    }

    public boolean isValidSize(int bits) {
        return sizes.contains(bits);
    }

    /** {@code 512, 1024, 2048} — for error messages. */
    public String describeSizes() {
        return sizes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The type named {@code label} (case-insensitive). */
    public static KeyType byLabel(String label) {
        for (KeyType type : values()) {
            if (type.label.equals(label.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown key type '" + label + "', expecting one of (dsa | ecdsa | rsa)");
    }

    /**
     * The signature algorithms a key of this type and size can make: RSA PKCS #1 v1.5 and PSS (those whose
     * encoding fits the modulus: a 512-bit key cannot carry a SHA-384 DigestInfo, PSS with SHA-512 and a
     * 64-byte salt needs 1040 bits); DSA over SHA-1 or SHA-256; ECDSA over the hash of the curve's size
     * (pki.md §4.15).
     */
    public List<Algorithm> signatureAlgorithms(int bits) {
        List<Algorithm> algorithms = new ArrayList<>();
        switch (this) {
            case RSA:
                int bytes = (bits + 7) / 8;
                int[] hashes = {20, 32, 48, 64};
                Algorithm[] pkcs1 = {Algorithm.RSA_PKCS1_SHA1, Algorithm.RSA_PKCS1_SHA256, Algorithm.RSA_PKCS1_SHA384,
                    Algorithm.RSA_PKCS1_SHA512};
                Algorithm[] pss = {null, Algorithm.RSA_PSS_SHA256, Algorithm.RSA_PSS_SHA384, Algorithm.RSA_PSS_SHA512};
                for (int i = 0; i < hashes.length; i++) {
                    if (bytes >= 19 + hashes[i] + 11) { // RFC 8017 9.2: DigestInfo + at least 11 bytes of padding
                        algorithms.add(pkcs1[i]);
                    }
                }
                for (int i = 1; i < hashes.length; i++) {
                    if ((bits - 1 + 7) / 8 >= 2 * hashes[i] + 2) { // RFC 8017 9.1.1: emLen >= hLen + sLen + 2
                        algorithms.add(pss[i]);
                    }
                }
                break;
            case DSA:
                algorithms.addAll(List.of(Algorithm.DSA_SHA1, Algorithm.DSA_SHA256));
                break;
            default:
                algorithms.add(bits == 384 ? Algorithm.ECDSA_P384_SHA384 : Algorithm.ECDSA_P256_SHA256);
                break;
        }
        return algorithms;
    }

    /**
     * The signature the guide uses by default for this key (pki.md §4.15): SHA-1 with RSA (SHA-256 is
     * chosen per request with {@code digest sha256}), SHA-1 with DSA, SHA-256/384 with ECDSA-256/384.
     */
    public Algorithm defaultSignature(int bits) {
        switch (this) {
            case RSA:
                return Algorithm.RSA_PKCS1_SHA1;
            case DSA:
                return Algorithm.DSA_SHA1;
            default:
                return bits == 384 ? Algorithm.ECDSA_P384_SHA384 : Algorithm.ECDSA_P256_SHA256;
        }
    }
}
