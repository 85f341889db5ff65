package org.secplane.driver.openssl.internal;

import java.lang.ref.Cleaner;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/**
 * AES-GCM (RFC 4106) and ChaCha20-Poly1305 (RFC 7634) on two {@code EVP_CIPHER_CTX}s keyed once, one
 * per direction; the nonce is the 4-byte salt followed by the packet's 8-byte IV.
 *
 * <p>Native calls per packet: seal 5 ({@code EVP_CipherInit_ex} with the nonce, AAD update, data
 * update in place, final, get tag written right after the ciphertext); open 4, because the expected
 * tag goes in with the nonce as an {@code OSSL_PARAM} of {@code EVP_CipherInit_ex2} instead of a
 * separate set-tag control. Plus one copy in and one copy out, and nothing allocated.
 */
final class OsslAead implements Aead {

    private static final int EVP_CTRL_AEAD_GET_TAG = 0x10;

    private final Algorithm algorithm;
    private final int icv;
    private final State state;
    private final Cleaner.Cleanable cleanable;

    private static final class State implements Runnable {
        long seal;
        long open;
        PacketBuffer buffer;
        Params tagParam;

        @Override
        public void run() {
            if (seal != 0) {
                LibCrypto.EVP_CIPHER_CTX_free(seal);
                seal = 0;
            }
            if (open != 0) {
                LibCrypto.EVP_CIPHER_CTX_free(open);
                open = 0;
            }
            if (buffer != null) {
                buffer.close();
                buffer = null;
            }
            if (tagParam != null) {
                tagParam.close();
                tagParam = null;
            }
        }
    }

    OsslAead(OpenSslLibrary library, Algorithm algorithm, long cipher, byte[] keyAndSalt) {
        this.algorithm = algorithm;
        this.icv = algorithm.outputSize();
        int keyLength = algorithm.keySize();
        if (keyAndSalt == null || keyAndSalt.length != keyLength + 4) {
            throw new CryptoException(algorithm.label() + " needs a " + (keyLength + 4)
                    + "-byte key and salt, got " + (keyAndSalt == null ? "none" : keyAndSalt.length + " bytes"));
        }
        state = new State();
        cleanable = NativeResources.CLEANER.register(this, state);
        try {
            state.buffer = new PacketBuffer(64, 2048);
            state.tagParam = Params.builder().octets("tag", new byte[icv]).build();
            state.seal = newContext(cipher, keyAndSalt, keyLength, 1);
            state.open = newContext(cipher, keyAndSalt, keyLength, 0);
            state.buffer.writeHeader(PacketBuffer.NONCE, keyAndSalt, keyLength, 4);
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
    }

    private long newContext(long cipher, byte[] key, int keyLength, int encrypt) {
        long ctx = Errors.check(LibCrypto.EVP_CIPHER_CTX_new(), "EVP_CIPHER_CTX_new");
        try (NativeScratch keyBytes = new NativeScratch(keyLength)) {
            keyBytes.put(0, key, 0, keyLength);
            if (LibCrypto.EVP_CipherInit_ex(ctx, cipher, 0, keyBytes.at(0), 0, encrypt) != 1) {
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
    public int seal(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset,
            int length, byte[] out, int outOffset) {
        long ctx = state.seal;
        if (ctx == 0) {
            throw new IllegalStateException(algorithm.label() + " is closed");
        }
        PacketBuffer buffer = state.buffer;
        buffer.ensure(aadLength, length + icv);
        buffer.writeHeader(PacketBuffer.NONCE + 4, iv, ivOffset, 8);
        if (aadLength > 0) {
            buffer.writeAad(aad, aadOffset, aadLength);
        }
        if (length > 0) {
            buffer.writeData(0, in, inOffset, length);
        }
        long data = buffer.data();
        long outLength = buffer.header(PacketBuffer.OUT_LENGTH);
        if (LibCrypto.EVP_CipherInit_ex(ctx, 0, 0, 0, buffer.header(PacketBuffer.NONCE), -1) != 1
                || aadLength > 0 && LibCrypto.EVP_CipherUpdate(ctx, 0, outLength, buffer.aad(), aadLength) != 1
                || length > 0 && LibCrypto.EVP_CipherUpdate(ctx, data, outLength, data, length) != 1
                || LibCrypto.EVP_CipherFinal_ex(ctx, data + length, outLength) != 1
                || LibCrypto.EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, icv, data + length) != 1) {
            throw Errors.failure(algorithm.label() + " seal");
        }
        buffer.readData(0, out, outOffset, length + icv);
        return length + icv;
    }

    @Override
    public int open(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset,
            int length, byte[] out, int outOffset) {
        long ctx = state.open;
        if (ctx == 0) {
            throw new IllegalStateException(algorithm.label() + " is closed");
        }
        if (length < icv) {
            return -1;
        }
        int textLength = length - icv;
        PacketBuffer buffer = state.buffer;
        buffer.ensure(aadLength, textLength);
        buffer.writeHeader(PacketBuffer.NONCE + 4, iv, ivOffset, 8);
        state.tagParam.write(0, in, inOffset + textLength, icv);
        if (aadLength > 0) {
            buffer.writeAad(aad, aadOffset, aadLength);
        }
        if (textLength > 0) {
            buffer.writeData(0, in, inOffset, textLength);
        }
        long data = buffer.data();
        long outLength = buffer.header(PacketBuffer.OUT_LENGTH);
        if (LibCrypto.EVP_CipherInit_ex2(ctx, 0, 0, buffer.header(PacketBuffer.NONCE), 0,
                state.tagParam.address()) != 1
                || aadLength > 0 && LibCrypto.EVP_CipherUpdate(ctx, 0, outLength, buffer.aad(), aadLength) != 1
                || textLength > 0 && LibCrypto.EVP_CipherUpdate(ctx, data, outLength, data, textLength) != 1) {
            throw Errors.failure(algorithm.label() + " open");
        }
        if (LibCrypto.EVP_CipherFinal_ex(ctx, data + textLength, outLength) != 1) {
            Errors.clear();
            return -1;
        }
        buffer.readData(0, out, outOffset, textLength);
        return textLength;
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
