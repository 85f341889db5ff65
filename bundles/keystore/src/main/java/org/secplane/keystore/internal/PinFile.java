package org.secplane.keystore.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.secplane.core.AtomicFiles;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/**
 * The PKCS#11 token PIN, kept in an owner-only file ({@code pin-file}; default {@code <state>/pki/token-pin}).
 *
 * <p>The operator writes the PIN in clear once ({@code umask 077; printf %s PIN > state/pki/token-pin}).
 * The first time the key store reads it, it seals the PIN under the device key-encryption key
 * (AES-256-GCM) and replaces the file atomically with {@code secplane-sealed-pin:1:<base64>}, so from
 * then on the PIN rests only sealed. A file that cannot be replaced (a read-only credential on a tmpfs,
 * e.g. systemd's {@code LoadCredential=}) is used as it is: it never rests on disk. A file readable by
 * group or others is refused. The PIN lives in a {@code char[]} that is wiped right after login.
 */
public final class PinFile {

    public static final String DEFAULT_NAME = "token-pin";
    static final String PREFIX = "secplane-sealed-pin:1:";
    private static final byte[] AAD = "secplane pkcs11 token pin".getBytes(StandardCharsets.US_ASCII);

    private PinFile() {
    }

    /** Reads the PIN (sealing a clear one in place); the caller wipes the result. */
    static char[] read(Path file, DeviceKeys keys, SecureRandom random, Consumer<String> info) throws PkiStoreException {
        byte[] content = null;
        byte[] clear = null;
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> open = EnumSet.copyOf(permissions);
            open.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE));
            if (!open.isEmpty()) {
                throw new PkiStoreException(Reason.UNAVAILABLE, "token PIN file " + file + " is accessible by group or others ("
                        + PosixFilePermissions.toString(permissions) + "); make it owner-only: chmod 600 " + file);
            }
            content = Files.readAllBytes(file);
            String head = new String(content, 0, Math.min(content.length, PREFIX.length()), StandardCharsets.US_ASCII);
            if (head.equals(PREFIX)) {
                byte[] sealed = Base64.getDecoder().decode(new String(content, PREFIX.length(), content.length - PREFIX.length(),
                        StandardCharsets.US_ASCII).trim());
                try {
                    clear = keys.open(sealed, AAD);
                } catch (GeneralSecurityException e) {
                    throw new PkiStoreException(Reason.UNAVAILABLE, "token PIN file " + file
                            + " was sealed under another device key or is damaged; write the PIN into it again");
                }
            } else {
                int length = content.length;
                while (length > 0 && (content[length - 1] == '\n' || content[length - 1] == '\r')) {
                    length--;
                }
                if (length == 0) {
                    throw new PkiStoreException(Reason.UNAVAILABLE, "token PIN file " + file + " is empty");
                }
                clear = Arrays.copyOf(content, length);
                seal(file, clear, keys, random, info);
            }
            return toChars(clear);
        } catch (NoSuchFileException e) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "token PIN file " + file + " does not exist; write the PIN into it"
                    + " (owner-only): umask 077; printf %s PIN > " + file);
        } catch (IllegalArgumentException e) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "token PIN file " + file + " is damaged");
        } catch (IOException e) {
            throw new PkiStoreException(Reason.UNAVAILABLE, "cannot read token PIN file " + file + ": " + e.getMessage(), e);
        } finally {
            Zeroing.wipe(content);
            Zeroing.wipe(clear);
        }
    }

    private static void seal(Path file, byte[] clear, DeviceKeys keys, SecureRandom random, Consumer<String> info) {
        byte[] sealed = keys.seal(clear, AAD, random);
        byte[] text = (PREFIX + Base64.getEncoder().encodeToString(sealed) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            AtomicFiles.write(file, text);
            info.accept("token PIN file " + file + " now holds the PIN sealed under the device key");
        } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            info.accept("token PIN file " + file + " cannot be replaced (" + e.getMessage() + "); using it unsealed");
        } catch (FileSystemException e) {
            info.accept("token PIN file " + file + " cannot be replaced (" + e.getMessage() + "); using it unsealed");
        } catch (IOException e) {
            info.accept("token PIN file " + file + " could not be sealed: " + e.getMessage());
        }
    }

    /** Seals {@code pin} into {@code file} (for tools and tests). */
    public static void writeSealed(Path file, char[] pin, FileObjectStore store) throws PkiStoreException, IOException {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        byte[] clear = new byte[encoded.remaining()];
        encoded.get(clear);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            byte[] sealed = store.keys().seal(clear, AAD, store.random());
            AtomicFiles.write(file, (PREFIX + Base64.getEncoder().encodeToString(sealed) + "\n").getBytes(StandardCharsets.US_ASCII));
        } finally {
            Zeroing.wipe(clear);
        }
    }

    private static char[] toChars(byte[] utf8) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] pin = new char[chars.remaining()];
        chars.get(pin);
        Arrays.fill(chars.array(), '\0');
        return pin;
    }
}
