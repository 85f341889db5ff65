package org.secplane.pki.internal.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The SHA-1 and MD5 fingerprints the guide prints for certificates and requests (over their DER encoding):
 * {@code 0d:90:…:97 (sha1)} then {@code 1b:08:…:b8 (md5)} (pki.md §3.22). MD5 is only an identifier here,
 * never used for any security decision.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha1(byte[] der) {
        return Colons.of(digest("SHA-1", der));
    }

    public static String md5(byte[] der) {
        return Colons.of(digest("MD5", der));
    }

    /** The two lines, SHA-1 first, each with its suffix, without indentation. */
    public static List<String> lines(byte[] der) {
        return List.of(sha1(der) + " (sha1)", md5(der) + " (md5)");
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }
}
