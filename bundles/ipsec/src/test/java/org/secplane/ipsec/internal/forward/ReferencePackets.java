package org.secplane.ipsec.internal.forward;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.secplane.crypto.Algorithm;
import org.secplane.ipsec.internal.packet.Bytes;

/**
 * ESP and AH packets made independently of the data plane, with Bouncy Castle's own AES, DES, GCM and HMAC
 * and the layouts of RFC 4303, 4106 and 4302: the reference the data plane's packets are compared with, and
 * the peer's packets in the tests of what arrives (including deliberately broken ones).
 */
final class ReferencePackets {

    private ReferencePackets() {
    }

    static byte[] random(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] spiAndSequence(long spi, long sequence) {
        byte[] header = new byte[8];
        Bytes.put32(header, 0, spi);
        Bytes.put32(header, 4, sequence);
        return header;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Payload, padding 1, 2, 3, … to {@code align}, pad length, next header (RFC 4303 §2.4). */
    static byte[] trailer(byte[] payload, int align, int nextHeader) {
        int pad = (align - (payload.length + 2) % align) % align;
        byte[] out = Arrays.copyOf(payload, payload.length + pad + 2);
        for (int i = 1; i <= pad; i++) {
            out[payload.length + i - 1] = (byte) i;
        }
        out[out.length - 2] = (byte) pad;
        out[out.length - 1] = (byte) nextHeader;
        return out;
    }

    private static BlockCipher bcCipher(Algorithm cipher) {
        switch (cipher) {
            case DES_CBC: return new DESEngine();
            case TDES_CBC: return new DESedeEngine();
            default: return AESEngine.newInstance();
        }
    }

    private static Digest bcDigest(Algorithm mac) {
        switch (mac) {
            case HMAC_MD5_96: return new MD5Digest();
            case HMAC_SHA1_96: return new SHA1Digest();
            case HMAC_SHA2_512_256: return new SHA512Digest();
            default: return new SHA256Digest();
        }
    }

    static byte[] bcHmac(Algorithm mac, byte[] key, byte[]... parts) {
        HMac hmac = new HMac(bcDigest(mac));
        hmac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            hmac.update(part, 0, part.length);
        }
        byte[] full = new byte[hmac.getMacSize()];
        hmac.doFinal(full, 0);
        return Arrays.copyOf(full, mac.outputSize());
    }

    /** ESP with a CBC cipher (or none) and an HMAC, encrypt-then-MAC, made with Bouncy Castle. */
    static byte[] bcEsp(Algorithm cipher, byte[] encryptionKey, Algorithm mac, byte[] integrityKey, long spi, long sequence,
            byte[] iv, byte[] inner, int nextHeader) {
        byte[] plain = trailer(inner, cipher == null ? 4 : Math.max(4, cipher.blockSize()), nextHeader);
        return bcEspOf(cipher, encryptionKey, mac, integrityKey, spi, sequence, iv, plain);
    }

    /** The same with the plaintext (payload and trailer) as given, right or wrong. */
    static byte[] bcEspOf(Algorithm cipher, byte[] encryptionKey, Algorithm mac, byte[] integrityKey, long spi, long sequence,
            byte[] iv, byte[] plain) {
        byte[] encrypted;
        if (cipher == null) {
            encrypted = plain;
        } else {
            CBCBlockCipher cbc = (CBCBlockCipher) CBCBlockCipher.newInstance(bcCipher(cipher));
            cbc.init(true, new ParametersWithIV(new KeyParameter(encryptionKey), iv));
            encrypted = new byte[plain.length];
            for (int i = 0; i < plain.length; i += cbc.getBlockSize()) {
                cbc.processBlock(plain, i, encrypted, i);
            }
        }
        byte[] authenticated = concat(spiAndSequence(spi, sequence), iv, encrypted);
        return mac == null ? authenticated : concat(authenticated, bcHmac(mac, integrityKey, authenticated));
    }

    /** ESP with AES-GCM (RFC 4106): IV = the sequence number, AAD = SPI and sequence number. */
    static byte[] bcGcm(Algorithm gcm, byte[] keyAndSalt, long spi, long sequence, byte[] inner, int nextHeader) {
        byte[] plain = trailer(inner, 4, nextHeader);
        byte[] iv = new byte[8];
        Bytes.put64(iv, 0, sequence);
        byte[] nonce = concat(Arrays.copyOfRange(keyAndSalt, gcm.keySize(), gcm.keySize() + 4), iv);
        GCMBlockCipher bc = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        bc.init(true, new AEADParameters(new KeyParameter(Arrays.copyOf(keyAndSalt, gcm.keySize())), gcm.outputSize() * 8, nonce,
                spiAndSequence(spi, sequence)));
        byte[] out = new byte[bc.getOutputSize(plain.length)];
        int n = bc.processBytes(plain, 0, plain.length, out, 0);
        try {
            bc.doFinal(out, n);
        } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return concat(spiAndSequence(spi, sequence), iv, out);
    }

    /**
     * AH in tunnel mode (RFC 4302): the ICV over the outer header with its mutable fields (and, as a raw socket
     * sends with DF set, the Identification) zero, the AH header with a zero ICV field, and the inner packet.
     */
    static byte[] bcAh(Algorithm mac, byte[] key, long spi, long sequence, byte[] inner, byte[] source, byte[] destination) {
        boolean ipv4 = source.length == 4;
        int icv = mac.outputSize();
        int length = 12 + icv;
        int unit = ipv4 ? 4 : 8;
        length = (length + unit - 1) / unit * unit;
        byte[] ah = new byte[length];
        ah[0] = 4;
        ah[1] = (byte) (length / 4 - 2);
        Bytes.put32(ah, 4, spi);
        Bytes.put32(ah, 8, sequence);
        byte[] header;
        if (ipv4) {
            header = new byte[20];
            header[0] = 0x45;
            Bytes.put16(header, 2, 20 + length + inner.length);
            header[9] = 51;
            System.arraycopy(source, 0, header, 12, 4);
            System.arraycopy(destination, 0, header, 16, 4);
        } else {
            header = new byte[40];
            header[0] = 0x60;
            Bytes.put16(header, 4, length + inner.length);
            header[6] = 51;
            System.arraycopy(source, 0, header, 8, 16);
            System.arraycopy(destination, 0, header, 24, 16);
        }
        byte[] value = bcHmac(mac, key, header, ah, inner);
        System.arraycopy(value, 0, ah, 12, icv);
        return concat(ah, inner);
    }
}
