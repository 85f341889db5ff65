package org.secplane.keystore.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.secplane.core.AtomicFiles;

/**
 * The device's PKI master key, {@code <state>/pki/device.kek} (owner-only), and the two keys derived
 * from it: the key-encryption key (AES-256-GCM over every secret of the store: private keys, the token
 * PIN) and the integrity key (HMAC-SHA-256 over every PKI object file and the manifest).
 *
 * <p>File layout (53 bytes): {@code "SPDK"}, version 1, the 32-byte master key, and a 16-byte check value
 * (HMAC-SHA-256(master, "secplane pki device key check"), truncated) that tells a damaged key file from
 * a wrong one. Subkeys: HMAC-SHA-256(master, label) with the labels below.
 */
public final class DeviceKeys implements AutoCloseable {

    public static final String FILE = "device.kek";
    private static final byte[] MAGIC = "SPDK".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int KEY = 32;
    private static final int CHECK = 16;
    private static final int LENGTH = MAGIC.length + 1 + KEY + CHECK;
    static final int NONCE = 12;
    static final int TAG = 16;

    private final byte[] encryptionKey;
    private final byte[] integrityKey;

    private DeviceKeys(byte[] master) throws GeneralSecurityException {
        this.encryptionKey = hmac(master, bytes("secplane pki key-encryption key"));
        this.integrityKey = hmac(master, bytes("secplane pki integrity key"));
    }

    /** Why the device key cannot be used. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /** Reads the key file; {@link Unusable} when it is missing or damaged. */
    public static DeviceKeys load(Path file) throws Unusable, IOException {
        if (!Files.exists(file)) {
            throw new Unusable("device key " + file + " is missing");
        }
        byte[] content = Files.readAllBytes(file);
        try {
            if (content.length != LENGTH || !Arrays.equals(Arrays.copyOf(content, MAGIC.length), MAGIC)
                    || content[MAGIC.length] != VERSION) {
                throw new Unusable("device key " + file + " is damaged (" + content.length + " bytes, not a version "
                        + VERSION + " device key)");
            }
            byte[] master = Arrays.copyOfRange(content, MAGIC.length + 1, MAGIC.length + 1 + KEY);
            try {
                byte[] check = Arrays.copyOf(hmac(master, bytes("secplane pki device key check")), CHECK);
                if (!MessageDigest.isEqual(check, Arrays.copyOfRange(content, LENGTH - CHECK, LENGTH))) {
                    throw new Unusable("device key " + file + " is damaged (check value does not match)");
                }
                return new DeviceKeys(master);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot use device key " + file + ": " + e.getMessage(), e);
            } finally {
                Zeroing.wipe(master);
            }
        } finally {
            Zeroing.wipe(content);
        }
    }

    /** Makes a new random master key and writes it (atomically, owner-only). */
    public static DeviceKeys create(Path file, SecureRandom random) throws IOException {
        byte[] master = new byte[KEY];
        random.nextBytes(master);
        byte[] content = new byte[LENGTH];
        try {
            System.arraycopy(MAGIC, 0, content, 0, MAGIC.length);
            content[MAGIC.length] = VERSION;
            System.arraycopy(master, 0, content, MAGIC.length + 1, KEY);
            byte[] check = hmac(master, bytes("secplane pki device key check"));
            System.arraycopy(check, 0, content, LENGTH - CHECK, CHECK);
            AtomicFiles.write(file, content);
            return new DeviceKeys(master);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make a device key: " + e.getMessage(), e);
        } finally {
            Zeroing.wipe(master);
            Zeroing.wipe(content);
        }
    }

    /** HMAC-SHA-256 under the integrity key over the concatenation of {@code parts}. */
    public byte[] mac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(integrityKey, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }

    /** AES-256-GCM under the key-encryption key: returns nonce (12) || ciphertext || tag (16). */
    public byte[] seal(byte[] clear, byte[] aad, SecureRandom random) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = new byte[NONCE + cipher.getOutputSize(clear.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE);
            cipher.doFinal(clear, 0, clear.length, sealed, NONCE);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        }
    }

    /** Opens what {@link #seal} made; the caller wipes the result. */
    public byte[] open(byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length < NONCE + TAG) {
            throw new GeneralSecurityException("sealed data too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(TAG * 8, sealed, 0, NONCE));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    }

    @Override
    public void close() {
        Zeroing.wipe(encryptionKey);
        Zeroing.wipe(integrityKey);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] bytes(String label) {
        return label.getBytes(StandardCharsets.US_ASCII);
    }
}
