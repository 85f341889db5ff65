package org.secplane.driver.linux.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A NETLINK_ROUTE socket for the control path: interface addresses (RTM_NEWADDR, RTM_DELADDR, dumps of
 * RTM_GETADDR) and routes (RTM_NEWROUTE, RTM_DELROUTE) in the main table, IPv4 and IPv6. Every request
 * asks for an acknowledgement, so a refusal comes back as the kernel's errno. Messages are built in Java
 * and copied to one native buffer; one request at a time.
 */
final class Rtnetlink implements Closeable {

    static final short RTM_NEWADDR = 20;
    static final short RTM_DELADDR = 21;
    static final short RTM_GETADDR = 22;
    static final short RTM_NEWROUTE = 24;
    static final short RTM_DELROUTE = 25;

    private static final short NLMSG_ERROR = 2;
    private static final short NLMSG_DONE = 3;
    private static final short NLM_F_REQUEST = 0x1;
    private static final short NLM_F_ACK = 0x4;
    private static final short NLM_F_DUMP = 0x300;
    private static final short NLM_F_REPLACE = 0x100;
    private static final short NLM_F_CREATE = 0x400;

    private static final short IFA_ADDRESS = 1;
    private static final short IFA_LOCAL = 2;
    private static final short IFA_FLAGS = 8;
    private static final int IFA_F_NODAD = 0x02;
    private static final int IFA_F_PERMANENT = 0x80;

    private static final short RTA_DST = 1;
    private static final short RTA_OIF = 4;
    private static final short RTA_GATEWAY = 5;
    private static final short RTA_TABLE = 15;
    private static final int RT_TABLE_MAIN = 254;
    private static final byte RTPROT_STATIC = 4;
    private static final byte RT_SCOPE_UNIVERSE = 0;
    private static final byte RT_SCOPE_LINK = (byte) 253;
    private static final byte RTN_UNICAST = 1;

    private static final int BUFFER = 65536;

    private final int fd;
    private final Memory buffer = new Memory(BUFFER);
    private final Memory address = new Memory(12);
    private int sequence = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    /** Opens the socket in the calling thread's network namespace. */
    Rtnetlink() throws IOException {
        fd = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, 0 /* NETLINK_ROUTE */);
        if (fd < 0) {
            throw LibC.error("rtnetlink socket");
        }
        address.clear();
        address.setShort(0, (short) LibC.AF_NETLINK);
        if (LibC.bind(fd, Pointer.nativeValue(address), 12) < 0) {
            IOException e = LibC.error("rtnetlink bind");
            LibC.close(fd);
            throw e;
        }
    }

    /** One interface address as the kernel has it. */
    static final class Address {
        final InetAddress address;
        final int prefixLength;
        final int scope;

        Address(InetAddress address, int prefixLength, int scope) {
            this.address = address;
            this.prefixLength = prefixLength;
            this.scope = scope;
        }

        boolean linkLocal() {
            return address.isLinkLocalAddress();
        }
    }

    /** Adds (or refreshes) {@code address/prefixLength} on interface {@code index}. */
    synchronized void addAddress(int index, InetAddress address, int prefixLength) throws IOException {
        request(RTM_NEWADDR, (short) (NLM_F_CREATE | NLM_F_REPLACE), addressMessage(index, address, prefixLength),
                "add address " + address.getHostAddress() + "/" + prefixLength);
    }

    synchronized void deleteAddress(int index, InetAddress address, int prefixLength) throws IOException {
        request(RTM_DELADDR, (short) 0, addressMessage(index, address, prefixLength),
                "delete address " + address.getHostAddress() + "/" + prefixLength);
    }

    /** The addresses of interface {@code index}, IPv4 and IPv6. */
    synchronized List<Address> addresses(int index) throws IOException {
        ByteBuffer message = message();
        message.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).putInt(0); // ifaddrmsg, AF_UNSPEC: all
        List<Address> found = new ArrayList<>();
        int seq = send(RTM_GETADDR, (short) (NLM_F_REQUEST | NLM_F_DUMP), message);
        while (true) {
            ByteBuffer reply = receive();
            while (reply.remaining() >= 16) {
                int start = reply.position();
                int length = reply.getInt(start);
                short type = reply.getShort(start + 4);
                int replySeq = reply.getInt(start + 8);
                if (length < 16 || start + length > reply.limit()) {
                    throw new IOException("rtnetlink: malformed reply");
                }
                if (replySeq == seq) {
                    if (type == NLMSG_DONE) {
                        return found;
                    }
                    if (type == NLMSG_ERROR) {
                        int errno = -reply.getInt(start + 16);
                        throw LibC.error("rtnetlink: list addresses", errno);
                    }
                    if (type == RTM_NEWADDR) {
                        Address parsed = parseAddress(reply, start, length, index);
                        if (parsed != null) {
                            found.add(parsed);
                        }
                    }
                }
                reply.position(start + align(length));
            }
        }
    }

    /** A route to {@code prefix} through interface {@code index} ({@code gateway} null) or a gateway. */
    synchronized void addRoute(InetAddress prefix, int prefixLength, int index, InetAddress gateway) throws IOException {
        request(RTM_NEWROUTE, (short) (NLM_F_CREATE | NLM_F_REPLACE), routeMessage(prefix, prefixLength, index, gateway),
                "add route " + prefix.getHostAddress() + "/" + prefixLength);
    }

    synchronized void deleteRoute(InetAddress prefix, int prefixLength, int index, InetAddress gateway) throws IOException {
        request(RTM_DELROUTE, (short) 0, routeMessage(prefix, prefixLength, index, gateway),
                "delete route " + prefix.getHostAddress() + "/" + prefixLength);
    }

    private ByteBuffer addressMessage(int index, InetAddress address, int prefixLength) {
        boolean v4 = address instanceof Inet4Address;
        ByteBuffer message = message();
        message.put((byte) (v4 ? LibC.AF_INET : LibC.AF_INET6)).put((byte) prefixLength)
                .put((byte) (v4 ? 0 : IFA_F_NODAD)).put(RT_SCOPE_UNIVERSE).putInt(index);
        attribute(message, IFA_LOCAL, address.getAddress());
        attribute(message, IFA_ADDRESS, address.getAddress());
        attribute(message, IFA_FLAGS, intBytes(IFA_F_PERMANENT | (v4 ? 0 : IFA_F_NODAD)));
        return message;
    }

    private ByteBuffer routeMessage(InetAddress prefix, int prefixLength, int index, InetAddress gateway) {
        boolean v4 = prefix instanceof Inet4Address;
        ByteBuffer message = message();
        message.put((byte) (v4 ? LibC.AF_INET : LibC.AF_INET6)).put((byte) prefixLength).put((byte) 0).put((byte) 0)
                .put((byte) RT_TABLE_MAIN).put(RTPROT_STATIC).put(gateway == null ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE)
                .put(RTN_UNICAST).putInt(0);
        attribute(message, RTA_TABLE, intBytes(RT_TABLE_MAIN));
        attribute(message, RTA_DST, prefix.getAddress());
        if (gateway != null) {
            attribute(message, RTA_GATEWAY, gateway.getAddress());
        }
        if (index > 0) {
            attribute(message, RTA_OIF, intBytes(index));
        }
        return message;
    }

    private Address parseAddress(ByteBuffer reply, int start, int length, int index) throws IOException {
        int family = reply.get(start + 16) & 0xff;
        int prefixLength = reply.get(start + 17) & 0xff;
        int scope = reply.get(start + 19) & 0xff;
        int ifIndex = reply.getInt(start + 20);
        if (ifIndex != index) {
            return null;
        }
        byte[] local = null;
        byte[] peer = null;
        int at = start + 24;
        while (at + 4 <= start + length) {
            int attributeLength = reply.getShort(at) & 0xffff;
            int type = reply.getShort(at + 2) & 0x3fff;
            if (attributeLength < 4) {
                break;
            }
            byte[] value = new byte[attributeLength - 4];
            reply.get(at + 4, value);
            if (type == IFA_LOCAL) {
                local = value;
            } else if (type == IFA_ADDRESS) {
                peer = value;
            }
            at += align(attributeLength);
        }
        byte[] bytes = local != null ? local : peer;
        if (bytes == null || (family != LibC.AF_INET && family != LibC.AF_INET6)) {
            return null;
        }
        try {
            return new Address(InetAddress.getByAddress(bytes), prefixLength, scope);
        } catch (UnknownHostException e) {
            throw new IOException("rtnetlink: bad address in reply", e);
        }
    }

    private void request(short type, short flags, ByteBuffer body, String what) throws IOException {
        int seq = send(type, (short) (NLM_F_REQUEST | NLM_F_ACK | flags), body);
        while (true) {
            ByteBuffer reply = receive();
            while (reply.remaining() >= 16) {
                int start = reply.position();
                int length = reply.getInt(start);
                if (length < 16 || start + length > reply.limit()) {
                    throw new IOException("rtnetlink: malformed reply to " + what);
                }
                if (reply.getShort(start + 4) == NLMSG_ERROR && reply.getInt(start + 8) == seq) {
                    int errno = -reply.getInt(start + 16);
                    if (errno != 0) {
                        throw LibC.error("rtnetlink: " + what, errno);
                    }
                    return;
                }
                reply.position(start + align(length));
            }
        }
    }

    private ByteBuffer message() {
        ByteBuffer message = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());
        message.position(16); // room for nlmsghdr
        return message;
    }

    private int send(short type, short flags, ByteBuffer message) throws IOException {
        if (closed) {
            throw new IOException("rtnetlink socket is closed");
        }
        int length = message.position();
        int seq = ++sequence;
        message.putInt(0, length).putShort(4, type).putShort(6, flags).putInt(8, seq).putInt(12, 0);
        buffer.write(0, message.array(), 0, length);
        address.clear();
        address.setShort(0, (short) LibC.AF_NETLINK);
        long sent = LibC.sendto(fd, Pointer.nativeValue(buffer), length, 0, Pointer.nativeValue(address), 12);
        if (sent < 0) {
            throw LibC.error("rtnetlink send");
        }
        return seq;
    }

    private ByteBuffer receive() throws IOException {
        long received;
        do {
            received = LibC.recvfrom(fd, Pointer.nativeValue(buffer), BUFFER, 0, 0, 0);
        } while (received < 0 && Native.getLastError() == LibC.EINTR);
        if (received < 0) {
            throw LibC.error("rtnetlink receive");
        }
        byte[] bytes = new byte[(int) received];
        buffer.read(0, bytes, 0, bytes.length);
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    private static void attribute(ByteBuffer message, short type, byte[] value) {
        int length = 4 + value.length;
        message.putShort((short) length).putShort(type).put(value);
        for (int pad = align(length) - length; pad > 0; pad--) {
            message.put((byte) 0);
        }
    }

    private static byte[] intBytes(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
            buffer.close();
            address.close();
        }
    }
}
