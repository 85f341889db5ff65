package org.secplane.keystore.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Wipes arrays that held clear key material (decrypted private keys, PINs, key-encryption keys). Tests
 * can watch which arrays were wiped ({@link #observe}), which makes zeroing observable.
 *
 * <p>What Java cannot wipe: the JDK's own key objects ({@code RSAPrivateCrtKeyImpl} keeps its
 * {@code BigInteger}s and an encoded copy; {@code PKCS8EncodedKeySpec} and {@code SecretKeySpec} clone
 * the array they are given; none implements {@code destroy()}), and copies the garbage collector made
 * while moving objects. Those live on the heap until collected and overwritten.
 */
public final class Zeroing {

    private static volatile Consumer<byte[]> observer;

    private Zeroing() {
    }

    public static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
            Consumer<byte[]> watching = observer;
            if (watching != null) {
                watching.accept(bytes);
            }
        }
    }

    public static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }

    /** For tests: {@code watcher} sees every array after it was wiped; {@code null} stops watching. */
    public static void observe(Consumer<byte[]> watcher) {
        observer = watcher;
    }
}
