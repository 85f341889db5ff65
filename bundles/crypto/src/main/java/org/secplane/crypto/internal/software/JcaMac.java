package org.secplane.crypto.internal.software;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Mac;

/** A truncated HMAC for ESP/AH and IKE integrity; allocates nothing per message. */
final class JcaMac implements Mac {

    private final Algorithm algorithm;
    private final Hmac hmac;
    private final byte[] full;
    private final int truncated;
    private boolean closed;

    JcaMac(Algorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        this.hmac = new Hmac(algorithm, key);
        this.full = new byte[hmac.length()];
        this.truncated = algorithm.outputSize();
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        checkOpen();
        hmac.update(in, offset, length);
    }

    @Override
    public void finish(byte[] out, int offset) {
        checkOpen();
        hmac.finish(full, 0);
        System.arraycopy(full, 0, out, offset, truncated);
    }

    @Override
    public boolean verify(byte[] expected, int offset) {
        checkOpen();
        hmac.finish(full, 0);
        return Bytes.constantTimeEquals(full, 0, expected, offset, truncated);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(algorithm.label() + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        hmac.destroy();
        java.util.Arrays.fill(full, (byte) 0);
    }
}
