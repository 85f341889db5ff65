package org.secplane.driver.openssl.internal;

import java.lang.ref.Cleaner;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;

/**
 * AES-CBC, AES-CTR (RFC 3686), 3DES-CBC and DES-CBC on two {@code EVP_CIPHER_CTX}s keyed once, one per
 * direction. A packet costs two native calls: {@code EVP_CipherInit_ex} with the IV only (the key
 * schedule stays) and one {@code EVP_CipherUpdate} in place, with padding off, so no final call.
 */
final class OsslCipher implements Cipher {

    private final Algorithm algorithm;
    private final boolean counterMode;
    private final int blockSize;
    private final State state;
    private final Cleaner.Cleanable cleanable;

    private static final class State implements Runnable {
        long encrypt;
        long decrypt;
        PacketBuffer buffer;

        @Override
        public void run() {
            if (encrypt != 0) {
                LibCrypto.EVP_CIPHER_CTX_free(encrypt);
                encrypt = 0;
            }
            if (decrypt != 0) {
                LibCrypto.EVP_CIPHER_CTX_free(decrypt);
                decrypt = 0;
            }
            if (buffer != null) {
                buffer.close();
                buffer = null;
            }
        }
    }

    OsslCipher(OpenSslLibrary library, Algorithm algorithm, long cipher, byte[] key) {
        this.algorithm = algorithm;
        this.counterMode = algorithm.saltSize() > 0;
        this.blockSize = algorithm.blockSize();
        int keyLength = algorithm.keySize();
        if (key == null || key.length != keyLength + algorithm.saltSize()) {
            throw new CryptoException(algorithm.label() + " needs a " + (keyLength + algorithm.saltSize())
                    + "-byte key" + (counterMode ? " (key and 4-byte nonce)" : "") + ", got "
                    + (key == null ? "none" : key.length + " bytes"));
        }
        state = new State();
        cleanable = NativeResources.CLEANER.register(this, state);
        try {
            state.buffer = new PacketBuffer(0, 2048);
            state.encrypt = newContext(cipher, key, keyLength, 1);
            state.decrypt = newContext(cipher, key, keyLength, 0);
            if (counterMode) {
                // RFC 3686 counter block: nonce (4) || IV (8, per packet) || block counter 1 (4)
                state.buffer.writeHeader(PacketBuffer.NONCE, key, keyLength, 4);
                state.buffer.writeHeader(PacketBuffer.NONCE + 12, new byte[] {0, 0, 0, 1}, 0, 4);
            }
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
    }

    private long newContext(long cipher, byte[] key, int keyLength, int encrypt) {
        long ctx = Errors.check(LibCrypto.EVP_CIPHER_CTX_new(), "EVP_CIPHER_CTX_new");
        try (NativeScratch keyBytes = new NativeScratch(keyLength)) {
            keyBytes.put(0, key, 0, keyLength);
            if (LibCrypto.EVP_CipherInit_ex(ctx, cipher, 0, keyBytes.at(0), 0, encrypt) != 1
                    || LibCrypto.EVP_CIPHER_CTX_set_padding(ctx, 0) != 1) {
                LibCrypto.EVP_CIPHER_CTX_free(ctx);
                throw Errors.failure("EVP_CipherInit_ex (" + algorithm.label() + ")");
            }
        }
        return ctx;
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public void encrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        run(state.encrypt, iv, ivOffset, in, inOffset, length, out, outOffset);
    }

    @Override
    public void decrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        run(state.decrypt, iv, ivOffset, in, inOffset, length, out, outOffset);
    }

    private void run(long ctx, byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out,
            int outOffset) {
        if (ctx == 0) {
            throw new IllegalStateException(algorithm.label() + " cipher is closed");
        }
        if (length % blockSize != 0) {
            throw new IllegalArgumentException(algorithm.label() + ": " + length + " bytes is not a multiple of the "
                    + blockSize + "-byte block");
        }
        if (length == 0) {
            return;
        }
        PacketBuffer buffer = state.buffer;
        buffer.ensure(0, length);
        buffer.writeHeader(counterMode ? PacketBuffer.NONCE + 4 : PacketBuffer.NONCE, iv, ivOffset,
                algorithm.ivSize());
        buffer.writeData(0, in, inOffset, length);
        long data = buffer.data();
        if (LibCrypto.EVP_CipherInit_ex(ctx, 0, 0, 0, buffer.header(PacketBuffer.NONCE), -1) != 1
                || LibCrypto.EVP_CipherUpdate(ctx, data, buffer.header(PacketBuffer.OUT_LENGTH), data, length) != 1) {
            throw Errors.failure(algorithm.label());
        }
        buffer.readData(0, out, outOffset, length);
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
