package org.secplane.keystore.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.secplane.keystore.IntegrityFinding.Problem;

/**
 * The format of one PKI object file (and of the manifest). All integers big-endian; strings are a u16
 * byte count and UTF-8.
 *
 * <pre>
 * "SPKO"  u8 version (1)  u32 length of the whole file
 * str kind  str name
 * u16 n   n × (str key, str value)          attributes
 * u32 len content                           clear content (certificate, public key)
 * u8 sealed (0|1) [u32 len, nonce(12) || AES-256-GCM ciphertext || tag(16)]
 *                                           the secret; AAD = every byte before the u32 len
 * mac(32)                                   HMAC-SHA-256(integrity key, "secplane pki object v1" || every byte before)
 * </pre>
 *
 * The MAC covers the kind and the name, so a file copied or swapped into another object's place
 * verifies as the object it really is, and the caller sees it is not the one it asked for. The length in
 * the header tells a file cut short (truncated) from one whose bytes were changed (modified).
 */
public final class ObjectFile {

    static final byte[] MAGIC = "SPKO".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int MAC = 32;
    private static final int LENGTH_OFFSET = 5;
    private static final byte[] MAC_DOMAIN = "secplane pki object v1".getBytes(StandardCharsets.US_ASCII);

    final String kind;
    final String name;
    final Map<String, String> attributes;
    final byte[] content;
    /** nonce || ciphertext || tag, or {@code null} */
    final byte[] sealed;
    /** the bytes the secret is bound to (AAD) */
    final byte[] sealedAad;
    /** the file's MAC, its identity in the manifest */
    final byte[] mac;

    private ObjectFile(String kind, String name, Map<String, String> attributes, byte[] content, byte[] sealed,
            byte[] sealedAad, byte[] mac) {
        this.kind = kind;
        this.name = name;
        this.attributes = attributes;
        this.content = content;
        this.sealed = sealed;
        this.sealedAad = sealedAad;
        this.mac = mac;
    }

    /** The hex MAC recorded in the manifest. */
    String tag() {
        return Hex.of(mac);
    }

    /** A file that is not a valid object file. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final Problem problem;

        Invalid(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }
    }

    /** The encoded file and its MAC. */
    static final class Encoded {
        final byte[] bytes;
        final String tag;

        Encoded(byte[] bytes, byte[] mac) {
            this.bytes = bytes;
            this.tag = Hex.of(mac);
        }
    }

    static Encoded encode(String kind, String name, Map<String, String> attributes, byte[] content, byte[] secret,
            DeviceKeys keys, SecureRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + content.length + (secret == null ? 0 : secret.length + 32));
        out.writeBytes(MAGIC);
        out.write(VERSION);
        u32(out, 0); // the file's length, filled in below
        string(out, kind);
        string(out, name);
        u16(out, attributes.size());
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            string(out, attribute.getKey());
            string(out, attribute.getValue());
        }
        u32(out, content.length);
        out.writeBytes(content);
        out.write(secret == null ? 0 : 1);
        byte[] prefix = out.toByteArray();
        int length = prefix.length + (secret == null ? 0 : 4 + DeviceKeys.NONCE + secret.length + DeviceKeys.TAG) + MAC;
        prefix[LENGTH_OFFSET] = (byte) (length >>> 24);
        prefix[LENGTH_OFFSET + 1] = (byte) (length >>> 16);
        prefix[LENGTH_OFFSET + 2] = (byte) (length >>> 8);
        prefix[LENGTH_OFFSET + 3] = (byte) length;
        out.reset();
        out.writeBytes(prefix);
        if (secret != null) {
            byte[] sealed = keys.seal(secret, prefix, random);
            u32(out, sealed.length);
            out.writeBytes(sealed);
        }
        byte[] body = out.toByteArray();
        byte[] mac = keys.mac(MAC_DOMAIN, body);
        byte[] file = Arrays.copyOf(body, body.length + MAC);
        System.arraycopy(mac, 0, file, body.length, MAC);
        return new Encoded(file, mac);
    }

    /** Parses and checks a file: {@link Invalid} when it is truncated, malformed or fails its MAC. */
    static ObjectFile decode(byte[] file, DeviceKeys keys) throws Invalid {
        if (file.length == 0) {
            throw new Invalid(Problem.TRUNCATED, "the file is empty");
        }
        if (file.length < LENGTH_OFFSET + 4) {
            throw new Invalid(Problem.TRUNCATED, "the file is truncated (" + file.length + " bytes)");
        }
        int magic = Math.min(file.length, MAGIC.length);
        if (!Arrays.equals(Arrays.copyOf(file, magic), Arrays.copyOf(MAGIC, magic))) {
            throw new Invalid(Problem.MODIFIED, "not a secplane PKI object file (bad magic)");
        }
        Reader in = new Reader(file);
        try {
            in.skip(MAGIC.length);
            int version = in.u8();
            if (version != VERSION) {
                throw new Invalid(Problem.MODIFIED, "unknown format version " + version);
            }
            long declared = in.u32() & 0xffffffffL;
            if (file.length < declared) {
                throw new Invalid(Problem.TRUNCATED, "the file is truncated (" + file.length + " of its " + declared + " bytes)");
            }
            if (file.length > declared) {
                throw new Invalid(Problem.MODIFIED, "the file is " + file.length + " bytes, its header says " + declared);
            }
            String kind = in.string();
            String name = in.string();
            int count = in.u16();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                attributes.put(in.string(), in.string());
            }
            byte[] content = in.bytes(in.u32());
            int flag = in.u8();
            byte[] sealed = null;
            byte[] aad = null;
            if (flag == 1) {
                aad = Arrays.copyOf(file, in.position);
                sealed = in.bytes(in.u32());
            } else if (flag != 0) {
                throw new Invalid(Problem.MODIFIED, "bad secret flag " + flag);
            }
            int remaining = file.length - in.position;
            if (remaining != MAC) {
                throw new Invalid(Problem.MODIFIED, "the file's structure does not match its length");
            }
            byte[] mac = Arrays.copyOfRange(file, in.position, file.length);
            byte[] expected = keys.mac(MAC_DOMAIN, Arrays.copyOf(file, in.position));
            if (!MessageDigest.isEqual(expected, mac)) {
                throw new Invalid(Problem.MODIFIED, "the content does not match its MAC");
            }
            return new ObjectFile(kind, name, attributes, content, sealed, aad, mac);
        } catch (Reader.Overrun e) {
            throw new Invalid(Problem.MODIFIED, "the file's structure does not match its length");
        }
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xffff) {
            throw new IllegalArgumentException("string too long for a PKI object file");
        }
        u16(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static final class Reader {
        static final class Overrun extends Exception {
            private static final long serialVersionUID = 1L;
        }

        private final byte[] data;
        int position;

        Reader(byte[] data) {
            this.data = data;
        }

        void skip(int n) throws Overrun {
            need(n);
            position += n;
        }

        private void need(long n) throws Overrun {
            if (n < 0 || position + n > data.length) {
                throw new Overrun();
            }
        }

        int u8() throws Overrun {
            need(1);
            return data[position++] & 0xff;
        }

        int u16() throws Overrun {
            need(2);
            int value = (data[position] & 0xff) << 8 | data[position + 1] & 0xff;
            position += 2;
            return value;
        }

        int u32() throws Overrun {
            need(4);
            long value = (data[position] & 0xffL) << 24 | (data[position + 1] & 0xff) << 16 | (data[position + 2] & 0xff) << 8
                    | data[position + 3] & 0xff;
            position += 4;
            if (value > Integer.MAX_VALUE) {
                throw new Overrun();
            }
            return (int) value;
        }

        byte[] bytes(int n) throws Overrun {
            need(n);
            byte[] out = Arrays.copyOfRange(data, position, position + n);
            position += n;
            return out;
        }

        String string() throws Overrun {
            return new String(bytes(u16()), StandardCharsets.UTF_8);
        }
    }
}
