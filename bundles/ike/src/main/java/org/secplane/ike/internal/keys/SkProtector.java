package org.secplane.ike.internal.keys;

import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Mac;
import org.secplane.ike.internal.message.Protector;

/**
 * One direction of an IKE SA's SK payload protection: CBC/CTR with a MAC (encrypt-then-MAC, RFC 7296
 * §3.14) or an AEAD (RFC 5282: the IKE header and SK header are the associated data, the 8-byte IV travels in
 * the message). CBC IVs are random; AEAD IVs count up (they must never repeat under one key). One user at a
 * time (the IKE SA's event loop).
 */
public final class SkProtector implements Protector, AutoCloseable {

    private final Algorithm encryption;
    private final Cipher cipher;
    private final Aead aead;
    private final Mac mac;
    private final RandomSource random;
    private final int ivSize;
    private final int icvSize;
    private long counter;

    public SkProtector(CryptoRegistry crypto, IkeSuite suite, byte[] encryptionKey, byte[] integrityKey, RandomSource random) {
        this.encryption = suite.encryption;
        this.random = random;
        if (encryption.type() == AlgorithmType.AEAD) {
            this.aead = crypto.aead(encryption, encryptionKey);
            this.cipher = null;
            this.mac = null;
            this.icvSize = encryption.outputSize();
        } else {
            this.cipher = crypto.cipher(encryption, encryptionKey);
            this.mac = crypto.mac(suite.integrity, integrityKey);
            this.aead = null;
            this.icvSize = suite.integrity.outputSize();
        }
        this.ivSize = encryption.ivSize();
    }

    @Override
    public int ivSize() {
        return ivSize;
    }

    @Override
    public int icvSize() {
        return icvSize;
    }

    @Override
    public int blockSize() {
        return aead != null ? 1 : encryption.blockSize();
    }

    @Override
    public void seal(byte[] buf, int from, int aadEnd, int plainLength) {
        int plain = aadEnd + ivSize;
        if (aead != null) {
            long iv = ++counter;
            for (int i = ivSize - 1; i >= 0; i--) {
                buf[aadEnd + i] = (byte) iv;
                iv >>>= 8;
            }
            aead.seal(buf, aadEnd, buf, from, aadEnd - from, buf, plain, plainLength, buf, plain);
        } else {
            random.nextBytes(buf, aadEnd, ivSize);
            cipher.encrypt(buf, aadEnd, buf, plain, plainLength, buf, plain);
            mac.update(buf, from, plain + plainLength - from);
            mac.finish(buf, plain + plainLength);
        }
    }

    @Override
    public int open(byte[] buf, int from, int aadEnd, int end) {
        int plain = aadEnd + ivSize;
        int length = end - plain;
        if (aead != null) {
            if (length < icvSize + 1) {
                return -1;
            }
            return aead.open(buf, aadEnd, buf, from, aadEnd - from, buf, plain, length, buf, plain);
        }
        int cipherLength = length - icvSize;
        int block = Math.max(1, encryption.blockSize());
        if (cipherLength < block || cipherLength % block != 0) {
            return -1;
        }
        mac.update(buf, from, plain + cipherLength - from);
        if (!mac.verify(buf, plain + cipherLength)) {
            return -1;
        }
        cipher.decrypt(buf, aadEnd, buf, plain, cipherLength, buf, plain);
        return cipherLength;
    }

    @Override
    public void close() {
        if (aead != null) {
            aead.close();
        }
        if (cipher != null) {
            cipher.close();
        }
        if (mac != null) {
            mac.close();
        }
    }
}
