package org.secplane.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.secplane.core.AtomicFiles;

/**
 * Seals secrets under the device key so that no pre-shared key, manual SA key or challenge password
 * rests in clear, in the committed configuration, in rollbacks or in Config Admin: {@code $8$} followed
 * by base64url of nonce, AES-256-GCM ciphertext and tag.
 *
 * <p>The nonce is derived from the clear text (HMAC-SHA-256 under a second subkey, as in SIV), so one
 * secret always seals to the same text: configurations compare and diff without opening secrets. That
 * reveals only whether two sealed secrets are equal.
 */
final class Sealer {

    static final String PREFIX = "$8$";
    private static final int NONCE = 12;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec nonceKey;

    private Sealer(byte[] deviceKey) throws GeneralSecurityException {
        this.encryptionKey = new SecretKeySpec(derive(deviceKey, "secplane seal encryption"), "AES");
        this.nonceKey = new SecretKeySpec(derive(deviceKey, "secplane seal nonce"), "HmacSHA256");
    }

    /** Reads the device key from {@code keyFile}, creating it (owner-only) on first use. */
    static Sealer withKeyFile(Path keyFile) throws IOException {
        byte[] key;
        if (Files.exists(keyFile)) {
            key = Files.readAllBytes(keyFile);
            if (key.length != 32) {
                throw new IOException("device key " + keyFile + " is damaged (" + key.length + " bytes, expected 32)");
            }
        } else {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            AtomicFiles.write(keyFile, key);
        }
        try {
            return new Sealer(key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the device key", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static Sealer withKey(byte[] key) throws GeneralSecurityException {
        return new Sealer(key);
    }

    private static byte[] derive(byte[] key, String label) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean isSealed(String value) {
        return value.startsWith(PREFIX);
    }

    String seal(byte[] clear) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nonceKey);
            byte[] nonce = Arrays.copyOf(mac.doFinal(clear), NONCE);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(clear);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    byte[] open(String sealed) throws ConfigSyntaxException {
        if (!isSealed(sealed)) {
            throw new ConfigSyntaxException("not a sealed secret");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            if (in.length < NONCE + 16) {
                throw new ConfigSyntaxException("sealed secret is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, NONCE));
            return cipher.doFinal(in, NONCE, in.length - NONCE);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new ConfigSyntaxException("secret was sealed under another device key or is damaged");
        }
    }
}
