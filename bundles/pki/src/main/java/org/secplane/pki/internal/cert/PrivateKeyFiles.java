package org.secplane.pki.internal.cert;

import java.io.IOException;
import java.io.CharArrayReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the private key file of {@code request security pki local-certificate load … key FILE} (pki.md
 * §3.15): PEM PKCS #8 ({@code PRIVATE KEY}), OpenSSL's traditional {@code RSA PRIVATE KEY},
 * {@code EC PRIVATE KEY} (with or without an {@code EC PARAMETERS} block) and {@code DSA PRIVATE KEY}, or
 * DER PKCS #8. Encrypted keys are refused with the command that decrypts them, since the CLI has no way
 * to ask for a pass phrase in a script. The key is handed out as PKCS #8 bytes that the caller zeroes;
 * the file content read is zeroed here.
 */
public final class PrivateKeyFiles {

    /** A key file is small; anything larger is not one. */
    static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    private PrivateKeyFiles() {
    }

    /** The PKCS #8 PrivateKeyInfo of the key in {@code file}; the caller zeroes it. */
    public static byte[] readPkcs8(Path file) throws PkiException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new PkiException("file " + file + " is too large for a private key file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PkiException("key file " + file + " does not exist");
        } catch (IOException e) {
            throw new PkiException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(bytes, file.toString());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static byte[] parse(byte[] bytes, String source) throws PkiException {
        try {
            return parseContent(bytes, source);
        } catch (RuntimeException e) {
            throw new PkiException("key file " + source + " is corrupt: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] parseContent(byte[] bytes, String source) throws PkiException {
        if (bytes.length == 0) {
            throw new PkiException("key file " + source + " is empty");
        }
        if (!contains(bytes, "-----BEGIN ".getBytes(StandardCharsets.US_ASCII))) {
            try {
                return PrivateKeyInfo.getInstance(bytes).getEncoded();
            } catch (IOException | RuntimeException e) {
                throw new PkiException("key file " + source + " holds no private key: neither PEM nor a DER PKCS #8"
                        + " private key", e);
            }
        }
        // a char array, not a String, so the key text can be wiped after parsing
        char[] text = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            text[i] = (char) (bytes[i] & 0xff);
        }
        try (PEMParser parser = new PEMParser(new CharArrayReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PEMKeyPair) {
                    return ((PEMKeyPair) object).getPrivateKeyInfo().getEncoded();
                }
                if (object instanceof PrivateKeyInfo) {
                    return ((PrivateKeyInfo) object).getEncoded();
                }
                if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new PkiException("key file " + source + " holds an encrypted private key; decrypt it first,"
                            + " for example with 'openssl pkey -in " + source + " -out plain.key'");
                }
                if (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
                    continue; // EC PARAMETERS before an EC PRIVATE KEY
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiException("key file " + source + ": corrupt or truncated PEM: " + e.getMessage(), e);
        } finally {
            Arrays.fill(text, '\0');
        }
        throw new PkiException("key file " + source + " holds no private key");
    }
}
