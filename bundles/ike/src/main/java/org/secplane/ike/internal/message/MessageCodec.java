package org.secplane.ike.internal.message;

import java.util.ArrayList;
import java.util.List;
import org.secplane.ike.internal.message.ParseException.Kind;

/**
 * Encodes and decodes IKEv2 messages. Decoding is strict: every length is checked against the bytes that
 * exist before anything is read or allocated, so nothing larger than the message is ever allocated, and the
 * only exception is {@link ParseException}. Unknown payloads are skipped unless critical.
 */
public final class MessageCodec {

    /** At most this many payloads in one chain (a real message has fewer than 40). */
    public static final int MAX_PAYLOADS = 256;
    /** At most this many fragments of one message (RFC 7383 leaves the limit to the implementation). */
    public static final int MAX_FRAGMENTS = 64;
    /** The SK payload's generic header; the SKF header adds fragment number and total. */
    public static final int SK_HEADER = 4;
    public static final int SKF_HEADER = 8;

    private MessageCodec() {
    }

    // ====================================================================== decoding

    /**
     * Reads the header and the payloads in clear of a message; an SK or SKF payload, which must be the last,
     * is located (see {@link Message#encryptedType}) but not decrypted. Keeps a copy of the bytes.
     */
    public static Message decode(byte[] buf, int off, int len) throws ParseException {
        checkHeader(buf, off, len);
        Message m = new Message();
        m.spiI = u64(buf, off);
        m.spiR = u64(buf, off + 8);
        int first = buf[off + 16] & 0xFF;
        m.version = buf[off + 17] & 0xFF;
        m.exchange = buf[off + 18] & 0xFF;
        m.flags = buf[off + 19] & 0xFF;
        m.messageId = u32(buf, off + 20);
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        m.raw = copy;
        m.rawLength = len;
        chain(first, copy, Ike.HEADER_LENGTH, len, m.payloads, m);
        return m;
    }

    /** Checks the fixed header and the length field of a datagram; see {@link #decode}. */
    public static void checkHeader(byte[] buf, int off, int len) throws ParseException {
        if (len > Ike.MAX_MESSAGE_LENGTH) {
            throw new ParseException(Kind.OVERSIZED, "message of " + len + " bytes");
        }
        if (len < Ike.HEADER_LENGTH) {
            throw new ParseException(Kind.TRUNCATED, "shorter than the IKE header");
        }
        int major = (buf[off + 17] & 0xF0) >>> 4;
        if (major != 2) {
            throw new ParseException(Kind.BAD_VERSION, major == 1 ? "IKEv1" : "major version " + major);
        }
        long length = u32(buf, off + 24);
        if (length > Ike.MAX_MESSAGE_LENGTH) {
            throw new ParseException(Kind.OVERSIZED, "length field " + length);
        }
        if (length < Ike.HEADER_LENGTH) {
            throw new ParseException(Kind.BAD_LENGTH, "length field " + length + " below the header size");
        }
        if (length > len) {
            throw new ParseException(Kind.TRUNCATED, "length field " + length + ", " + len + " bytes received");
        }
        if (length < len) {
            throw new ParseException(Kind.BAD_LENGTH, "length field " + length + ", " + len + " bytes received");
        }
    }

    /** Parses the decrypted inner payloads of an SK payload (or reassembled fragments) into {@code m}. */
    public static void decodeInner(Message m, int first, byte[] plain, int off, int len) throws ParseException {
        List<Payload> inner = new ArrayList<>(8);
        chain(first, plain, off, off + len, inner, null);
        m.payloads.clear();
        m.payloads.addAll(inner);
    }

    private static void chain(int first, byte[] b, int pos, int end, List<Payload> out, Message m) throws ParseException {
        int next = first;
        int count = 0;
        while (next != Ike.NO_NEXT_PAYLOAD) {
            if (++count > MAX_PAYLOADS) {
                throw new ParseException(Kind.INVALID_SYNTAX, "more than " + MAX_PAYLOADS + " payloads");
            }
            if (end - pos < 4) {
                throw new ParseException(Kind.TRUNCATED, "payload header of type " + next + " missing");
            }
            int type = next;
            next = b[pos] & 0xFF;
            boolean critical = (b[pos + 1] & 0x80) != 0;
            int length = u16(b, pos + 2);
            if (length < 4) {
                throw new ParseException(Kind.BAD_LENGTH, "payload " + type + " length " + length);
            }
            if (length > end - pos) {
                throw new ParseException(Kind.TRUNCATED, "payload " + type + " length " + length + " beyond the message");
            }
            int body = pos + 4;
            int bodyEnd = pos + length;
            if (type == Ike.SK || type == Ike.SKF) {
                if (m == null) {
                    throw new ParseException(Kind.INVALID_SYNTAX, "encrypted payload inside an encrypted payload");
                }
                if (bodyEnd != end) {
                    throw new ParseException(Kind.BAD_LENGTH, "encrypted payload is not the last payload");
                }
                m.encryptedType = type;
                m.encryptedOffset = pos;
                m.innerFirst = next;
                if (type == Ike.SKF) {
                    if (bodyEnd - body < 4) {
                        throw new ParseException(Kind.TRUNCATED, "encrypted fragment header");
                    }
                    int number = u16(b, body);
                    int total = u16(b, body + 2);
                    if (number < 1 || total < number || total > MAX_FRAGMENTS) {
                        throw new ParseException(Kind.INVALID_SYNTAX, "fragment " + number + " of " + total);
                    }
                    if (number != 1 && next != 0) {
                        throw new ParseException(Kind.INVALID_SYNTAX, "next payload on a fragment other than the first");
                    }
                    m.fragmentNumber = number;
                    m.totalFragments = total;
                }
                return;
            }
            Payload p = payload(type, critical, b, body, bodyEnd);
            if (p != null) {
                out.add(p);
            }
            pos = bodyEnd;
        }
        if (pos != end) {
            throw new ParseException(Kind.BAD_LENGTH, (end - pos) + " bytes after the last payload");
        }
    }

    private static Payload payload(int type, boolean critical, byte[] b, int pos, int end) throws ParseException {
        int n = end - pos;
        switch (type) {
            case Ike.SA:
                return sa(b, pos, end);
            case Ike.KE:
                need(n, 4, type);
                return new KePayload(u16(b, pos), copy(b, pos + 4, end));
            case Ike.IDI:
            case Ike.IDR:
                need(n, 4, type);
                return new IdPayload(type, b[pos] & 0xFF, copy(b, pos + 4, end));
            case Ike.CERT:
            case Ike.CERTREQ:
                need(n, 1, type);
                return new CertPayload(type == Ike.CERTREQ, b[pos] & 0xFF, copy(b, pos + 1, end));
            case Ike.AUTH:
                need(n, 4, type);
                return new AuthPayload(b[pos] & 0xFF, copy(b, pos + 4, end));
            case Ike.NONCE:
                if (n < NoncePayload.MIN || n > NoncePayload.MAX) {
                    throw new ParseException(Kind.INVALID_SYNTAX, "nonce of " + n + " bytes");
                }
                return new NoncePayload(copy(b, pos, end));
            case Ike.NOTIFY:
                return notify(b, pos, end);
            case Ike.DELETE:
                return delete(b, pos, end);
            case Ike.VENDOR_ID:
                return new VendorIdPayload(copy(b, pos, end));
            case Ike.TSI:
            case Ike.TSR:
                return ts(type, b, pos, end);
            case Ike.CP:
            case Ike.EAP:
            case Ike.GSPM:
                return new RawPayload(type, critical, copy(b, pos, end));
            default:
                if (critical) {
                    throw new ParseException(Kind.UNSUPPORTED_CRITICAL_PAYLOAD, "critical payload of unknown type " + type,
                            type);
                }
                return null;
        }
    }

    private static SaPayload sa(byte[] b, int pos, int end) throws ParseException {
        List<Proposal> proposals = new ArrayList<>(2);
        while (true) {
            if (end - pos < 8) {
                throw new ParseException(Kind.TRUNCATED, "proposal header");
            }
            int last = b[pos] & 0xFF;
            if (last != 0 && last != 2) {
                throw new ParseException(Kind.INVALID_SYNTAX, "proposal last/more " + last);
            }
            int length = u16(b, pos + 2);
            if (length < 8 || length > end - pos) {
                throw new ParseException(Kind.BAD_LENGTH, "proposal length " + length);
            }
            int number = b[pos + 4] & 0xFF;
            int protocol = b[pos + 5] & 0xFF;
            int spiSize = b[pos + 6] & 0xFF;
            int count = b[pos + 7] & 0xFF;
            if (8 + spiSize > length) {
                throw new ParseException(Kind.BAD_LENGTH, "proposal SPI size " + spiSize);
            }
            if (spiSize != 0 && spiSize != 4 && spiSize != 8) {
                throw new ParseException(Kind.INVALID_SYNTAX, "proposal SPI size " + spiSize);
            }
            byte[] spi = copy(b, pos + 8, pos + 8 + spiSize);
            int t = pos + 8 + spiSize;
            int tEnd = pos + length;
            if (count * 8 > tEnd - t) {
                throw new ParseException(Kind.BAD_LENGTH, count + " transforms in " + (tEnd - t) + " bytes");
            }
            List<Transform> transforms = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                if (tEnd - t < 8) {
                    throw new ParseException(Kind.BAD_LENGTH, "transform header");
                }
                int tLast = b[t] & 0xFF;
                if ((tLast == 0) != (i == count - 1) || (tLast != 0 && tLast != 3)) {
                    throw new ParseException(Kind.INVALID_SYNTAX, "transform last/more " + tLast);
                }
                int tLength = u16(b, t + 2);
                if (tLength < 8 || tLength > tEnd - t) {
                    throw new ParseException(Kind.BAD_LENGTH, "transform length " + tLength);
                }
                int tType = b[t + 4] & 0xFF;
                int tId = u16(b, t + 6);
                int keyLength = 0;
                boolean unknown = false;
                int a = t + 8;
                int aEnd = t + tLength;
                while (a < aEnd) {
                    if (aEnd - a < 4) {
                        throw new ParseException(Kind.BAD_LENGTH, "transform attribute");
                    }
                    int aType = u16(b, a);
                    if ((aType & 0x8000) != 0) {
                        if ((aType & 0x7FFF) == Ike.ATTR_KEY_LENGTH && keyLength == 0) {
                            keyLength = u16(b, a + 2);
                            if (keyLength == 0) {
                                unknown = true;
                            }
                        } else {
                            unknown = true;
                        }
                        a += 4;
                    } else {
                        int aLength = u16(b, a + 2);
                        if (aLength > aEnd - a - 4) {
                            throw new ParseException(Kind.BAD_LENGTH, "transform attribute length " + aLength);
                        }
                        unknown = true;
                        a += 4 + aLength;
                    }
                }
                transforms.add(new Transform(tType, tId, keyLength, unknown));
                t = aEnd;
            }
            if (t != tEnd) {
                throw new ParseException(Kind.BAD_LENGTH, "bytes after the last transform");
            }
            proposals.add(new Proposal(number, protocol, spi, transforms));
            pos += length;
            if (last == 0) {
                break;
            }
        }
        if (pos != end) {
            throw new ParseException(Kind.BAD_LENGTH, "bytes after the last proposal");
        }
        return new SaPayload(proposals);
    }

    private static NotifyPayload notify(byte[] b, int pos, int end) throws ParseException {
        need(end - pos, 4, Ike.NOTIFY);
        int protocol = b[pos] & 0xFF;
        int spiSize = b[pos + 1] & 0xFF;
        int type = u16(b, pos + 2);
        if (spiSize != 0 && spiSize != 4 && spiSize != 8) {
            throw new ParseException(Kind.INVALID_SYNTAX, "notify SPI size " + spiSize);
        }
        if (spiSize > end - pos - 4) {
            throw new ParseException(Kind.BAD_LENGTH, "notify SPI beyond the payload");
        }
        return new NotifyPayload(protocol, copy(b, pos + 4, pos + 4 + spiSize), type, copy(b, pos + 4 + spiSize, end));
    }

    private static DeletePayload delete(byte[] b, int pos, int end) throws ParseException {
        need(end - pos, 4, Ike.DELETE);
        int protocol = b[pos] & 0xFF;
        int spiSize = b[pos + 1] & 0xFF;
        int count = u16(b, pos + 2);
        int rest = end - pos - 4;
        if (protocol == Ike.PROTO_IKE) {
            if (spiSize != 0 || count != 0 || rest != 0) {
                throw new ParseException(Kind.INVALID_SYNTAX, "delete of the IKE SA with SPIs");
            }
            return DeletePayload.ike();
        }
        if (protocol != Ike.PROTO_ESP && protocol != Ike.PROTO_AH) {
            throw new ParseException(Kind.INVALID_SYNTAX, "delete of protocol " + protocol);
        }
        if (spiSize != 4 || (long) count * 4 != rest) {
            throw new ParseException(Kind.BAD_LENGTH, "delete with " + count + " SPIs of " + spiSize + " bytes in " + rest);
        }
        long[] spis = new long[count];
        for (int i = 0; i < count; i++) {
            spis[i] = u32(b, pos + 4 + 4 * i);
        }
        return new DeletePayload(protocol, spis);
    }

    private static TsPayload ts(int type, byte[] b, int pos, int end) throws ParseException {
        need(end - pos, 4, type);
        int count = b[pos] & 0xFF;
        if (count == 0) {
            throw new ParseException(Kind.INVALID_SYNTAX, "traffic selector payload without selectors");
        }
        if (count * 8 > end - pos - 4) {
            throw new ParseException(Kind.BAD_LENGTH, count + " traffic selectors");
        }
        List<TsPayload.Selector> selectors = new ArrayList<>(count);
        int s = pos + 4;
        for (int i = 0; i < count; i++) {
            if (end - s < 8) {
                throw new ParseException(Kind.BAD_LENGTH, "traffic selector header");
            }
            int tsType = b[s] & 0xFF;
            int protocol = b[s + 1] & 0xFF;
            int length = u16(b, s + 2);
            if (length < 8 || length > end - s) {
                throw new ParseException(Kind.BAD_LENGTH, "traffic selector length " + length);
            }
            int startPort = u16(b, s + 4);
            int endPort = u16(b, s + 6);
            int addressSize = tsType == Ike.TS_IPV4_ADDR_RANGE ? 4 : tsType == Ike.TS_IPV6_ADDR_RANGE ? 16 : -1;
            byte[] start;
            byte[] stop;
            if (addressSize > 0) {
                if (length != 8 + 2 * addressSize) {
                    throw new ParseException(Kind.BAD_LENGTH, "traffic selector of type " + tsType + " length " + length);
                }
                start = copy(b, s + 8, s + 8 + addressSize);
                stop = copy(b, s + 8 + addressSize, s + length);
            } else {
                start = new byte[0];
                stop = start;
            }
            selectors.add(new TsPayload.Selector(tsType, protocol, startPort, endPort, start, stop));
            s += length;
        }
        if (s != end) {
            throw new ParseException(Kind.BAD_LENGTH, "bytes after the last traffic selector");
        }
        return new TsPayload(type, selectors);
    }

    private static void need(int have, int need, int type) throws ParseException {
        if (have < need) {
            throw new ParseException(Kind.TRUNCATED, "payload " + type + " of " + have + " bytes");
        }
    }

    private static byte[] copy(byte[] b, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }

    public static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    public static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    public static long u64(byte[] b, int at) {
        return (u32(b, at) << 32) | u32(b, at + 4);
    }

    // ====================================================================== encoding

    /** A message whose payloads all travel in clear (IKE_SA_INIT, and its error responses). */
    public static byte[] encodePlain(Message m) {
        ByteWriter w = new ByteWriter(512);
        header(w, m, m.payloads.isEmpty() ? 0 : m.payloads.get(0).type());
        chain(w, m.payloads, 0, m.payloads.size());
        w.putU32(24, w.position());
        return w.toByteArray();
    }

    /** A message whose payloads travel in one SK payload. */
    public static byte[] encodeProtected(Message m, Protector protector) {
        ByteWriter w = new ByteWriter(512);
        header(w, m, Ike.SK);
        int skAt = w.position();
        w.u8(m.payloads.isEmpty() ? 0 : m.payloads.get(0).type());
        w.u8(0);
        w.skip(2);
        int aadEnd = w.position();
        w.skip(protector.ivSize());
        int plainStart = w.position();
        chain(w, m.payloads, 0, m.payloads.size());
        int plainLength = pad(w, w.position() - plainStart, protector.blockSize());
        w.skip(protector.icvSize());
        w.putU16(skAt + 2, w.position() - skAt);
        w.putU32(24, w.position());
        protector.seal(w.array(), 0, aadEnd, plainLength);
        byte[] out = w.toByteArray();
        w.wipe();
        return out;
    }

    /**
     * A protected message as one SK payload if it fits in {@code maxMessage} bytes, else as SKF fragments
     * (RFC 7383) of at most that size each.
     */
    public static List<byte[]> encodeProtected(Message m, Protector protector, int maxMessage, boolean fragmentation) {
        List<byte[]> out = new ArrayList<>(1);
        ByteWriter plain = new ByteWriter(512);
        chain(plain, m.payloads, 0, m.payloads.size());
        int total = plain.position();
        int block = Math.max(1, protector.blockSize());
        int padded = total + 1 + (block - (total + 1) % block) % block;
        int size = Ike.HEADER_LENGTH + SK_HEADER + protector.ivSize() + padded + protector.icvSize();
        if (!fragmentation || size <= maxMessage) {
            plain.wipe();
            out.add(encodeProtected(m, protector));
            return out;
        }
        int room = maxMessage - Ike.HEADER_LENGTH - SKF_HEADER - protector.ivSize() - protector.icvSize();
        room = room - room % block - 1; // the pad-length byte
        if (room < 64) {
            room = 64;
        }
        int fragments = (total + room - 1) / room;
        if (fragments > MAX_FRAGMENTS) {
            plain.wipe();
            out.add(encodeProtected(m, protector));
            return out;
        }
        int first = m.payloads.isEmpty() ? 0 : m.payloads.get(0).type();
        for (int f = 1; f <= fragments; f++) {
            int from = (f - 1) * room;
            int length = Math.min(room, total - from);
            ByteWriter w = new ByteWriter(maxMessage);
            header(w, m, Ike.SKF);
            int skfAt = w.position();
            w.u8(f == 1 ? first : 0);
            w.u8(0);
            w.skip(2);
            w.u16(f);
            w.u16(fragments);
            int aadEnd = w.position();
            w.skip(protector.ivSize());
            w.bytes(plain.array(), from, length);
            int plainLength = pad(w, length, protector.blockSize());
            w.skip(protector.icvSize());
            w.putU16(skfAt + 2, w.position() - skfAt);
            w.putU32(24, w.position());
            protector.seal(w.array(), 0, aadEnd, plainLength);
            out.add(w.toByteArray());
            w.wipe();
        }
        plain.wipe();
        return out;
    }

    /** Pads to the block size with zeros and the pad-length byte; returns the padded length. */
    private static int pad(ByteWriter w, int length, int blockSize) {
        int block = Math.max(1, blockSize);
        int padding = (block - (length + 1) % block) % block;
        w.zeros(padding);
        w.u8(padding);
        return length + padding + 1;
    }

    private static void header(ByteWriter w, Message m, int first) {
        w.u64(m.spiI);
        w.u64(m.spiR);
        w.u8(first);
        w.u8(m.version);
        w.u8(m.exchange);
        w.u8(m.flags);
        w.u32(m.messageId);
        w.skip(4);
    }

    private static void chain(ByteWriter w, List<Payload> payloads, int from, int to) {
        for (int i = from; i < to; i++) {
            Payload p = payloads.get(i);
            int at = w.position();
            w.u8(i + 1 < to ? payloads.get(i + 1).type() : 0);
            w.u8(p.critical() ? 0x80 : 0);
            w.skip(2);
            p.writeBody(w);
            w.putU16(at + 2, w.position() - at);
        }
    }

    /** The payload chain alone (for tests and fuzzing of inner payloads). */
    public static byte[] encodeChain(List<Payload> payloads) {
        ByteWriter w = new ByteWriter(256);
        chain(w, payloads, 0, payloads.size());
        return w.toByteArray();
    }

    /**
     * Decrypts the SK or SKF payload of {@code m} in place in {@link Message#raw}; returns the offset of the
     * unpadded plaintext in {@code m.raw} and stores its length in {@code lengthOut[0]}, or returns -1 when the
     * ICV fails or the padding is impossible.
     */
    public static int open(Message m, Protector protector, int[] lengthOut) {
        int headerSize = m.encryptedType == Ike.SKF ? SKF_HEADER : SK_HEADER;
        int aadEnd = m.encryptedOffset + headerSize;
        int padded = protector.open(m.raw, 0, aadEnd, m.rawLength);
        if (padded <= 0) {
            return -1;
        }
        int start = aadEnd + protector.ivSize();
        int padLength = m.raw[start + padded - 1] & 0xFF;
        if (padLength + 1 > padded) {
            return -1;
        }
        lengthOut[0] = padded - padLength - 1;
        return start;
    }
}
