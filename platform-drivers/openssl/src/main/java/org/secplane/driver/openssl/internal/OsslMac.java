package org.secplane.driver.openssl.internal;

import java.lang.ref.Cleaner;
import java.security.MessageDigest;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Mac;

/**
 * A truncated HMAC on one {@code EVP_MAC_CTX} keyed once. A message costs one {@code EVP_MAC_update}
 * per {@link #update}, one {@code EVP_MAC_final} and one {@code EVP_MAC_init} without a key, which
 * rewinds to the stored key.
 */
final class OsslMac implements Mac {

    private final Algorithm algorithm;
    private final int fullLength;
    private final int outputLength;
    private final byte[] computed;
    private final byte[] expectedCopy;
    private final State state;
    private final Cleaner.Cleanable cleanable;

    private static final class State implements Runnable {
        long ctx;
        PacketBuffer buffer;

        @Override
        public void run() {
            if (ctx != 0) {
                LibCrypto.EVP_MAC_CTX_free(ctx);
                ctx = 0;
            }
            if (buffer != null) {
                buffer.close();
                buffer = null;
            }
        }
    }

    OsslMac(Algorithm algorithm, long template, int fullLength, byte[] key) {
        this.algorithm = algorithm;
        this.fullLength = fullLength;
        this.outputLength = algorithm.outputSize();
        this.computed = new byte[outputLength];
        this.expectedCopy = new byte[outputLength];
        if (key == null) {
            throw new CryptoException(algorithm.label() + " needs a key");
        }
        state = new State();
        cleanable = NativeResources.CLEANER.register(this, state);
        try {
            state.buffer = new PacketBuffer(0, 2048);
            state.ctx = Errors.check(LibCrypto.EVP_MAC_CTX_dup(template), "EVP_MAC_CTX_dup");
            try (NativeScratch keyBytes = new NativeScratch(key.length)) {
                keyBytes.put(0, key);
                Errors.check(LibCrypto.EVP_MAC_init(state.ctx, keyBytes.at(0), key.length, 0),
                        "EVP_MAC_init (" + algorithm.label() + ")");
            }
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        long ctx = state.ctx;
        if (ctx == 0) {
            throw new IllegalStateException(algorithm.label() + " is closed");
        }
        if (length == 0) {
            return;
        }
        PacketBuffer buffer = state.buffer;
        buffer.ensure(0, length);
        buffer.writeData(0, in, offset, length);
        if (LibCrypto.EVP_MAC_update(ctx, buffer.data(), length) != 1) {
            throw Errors.failure(algorithm.label() + " update");
        }
    }

    private void finishInto(byte[] out, int offset) {
        long ctx = state.ctx;
        if (ctx == 0) {
            throw new IllegalStateException(algorithm.label() + " is closed");
        }
        PacketBuffer buffer = state.buffer;
        if (LibCrypto.EVP_MAC_final(ctx, buffer.header(PacketBuffer.DIGEST), buffer.header(PacketBuffer.OUT_LENGTH),
                fullLength) != 1
                || LibCrypto.EVP_MAC_init(ctx, 0, 0, 0) != 1) {
            throw Errors.failure(algorithm.label() + " final");
        }
        buffer.readHeader(PacketBuffer.DIGEST, out, offset, outputLength);
    }

    @Override
    public void finish(byte[] out, int offset) {
        finishInto(out, offset);
    }

    @Override
    public boolean verify(byte[] expected, int offset) {
        finishInto(computed, 0);
        if (expected == null || offset < 0 || expected.length - offset < outputLength) {
            return false;
        }
        System.arraycopy(expected, offset, expectedCopy, 0, outputLength);
        return MessageDigest.isEqual(computed, expectedCopy); // constant time for equal lengths
    }

    @Override
    public void close() {
        cleanable.clean();
        java.util.Arrays.fill(computed, (byte) 0);
    }
}
