package org.secplane.driver.linux.internal;

import org.secplane.driver.IpPrefix;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.secplane.driver.RawIpPort;

/**
 * A raw IP socket for one protocol (ESP 50, AH 51) bound to a local address. An IPv4 raw socket hands
 * over the whole datagram on receive, so the IP header (its IHL) is stripped here; IPv6 raw sockets hand
 * over the payload. On send the kernel adds the header; the DF bit follows each send's
 * {@code dontFragment} through {@code IP_MTU_DISCOVER} (IPv4: {@code IP_PMTUDISC_DO} sets DF and
 * refuses to fragment, {@code IP_PMTUDISC_DONT} clears it) or {@code IPV6_DONTFRAG}, changed only when it
 * differs from the previous send. {@link #receive} blocks in {@code poll()} until {@link #close}.
 */
final class LinuxRawIpPort implements RawIpPort {

    private static final int MAX = 65535;

    private final int protocol;
    private final boolean ipv4;
    private final InetAddress local;
    private final PollableFd socket;
    private final Memory receiveBuffer = new Memory(MAX);
    private final ByteBuffer receiveView = receiveBuffer.getByteBuffer(0, MAX);
    private final Memory from = new Memory(28);
    private final Memory fromLength = new Memory(4);
    private final Memory sendBuffer = new Memory(MAX);
    private final ByteBuffer sendView = sendBuffer.getByteBuffer(0, MAX);
    private final Memory to = new Memory(28);
    private final Memory option = new Memory(4);
    private int dontFragment = -1;
    private byte[] lastSourceBytes;
    private InetAddress lastSource;
    private InetAddress lastDestination;
    private int lastDestinationLength;

    /** Opens the socket in the calling thread's network namespace. */
    LinuxRawIpPort(InetAddress local, int protocol) throws IOException {
        if (protocol < 1 || protocol > 255) {
            throw new IllegalArgumentException("IP protocol " + protocol + " is out of range 1..255");
        }
        this.protocol = protocol;
        this.local = local;
        this.ipv4 = local instanceof Inet4Address;
        int fd = LibC.socket(ipv4 ? LibC.AF_INET : LibC.AF_INET6, LibC.SOCK_RAW | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC,
                protocol);
        if (fd < 0) {
            throw LibC.error("raw IP socket for protocol " + protocol);
        }
        Memory address = new Memory(28);
        int length = sockaddr(address, local);
        if (LibC.bind(fd, Pointer.nativeValue(address), length) < 0) {
            IOException e = LibC.error("bind raw protocol " + protocol + " to " + IpPrefix.format(local));
            LibC.close(fd);
            throw e;
        }
        this.socket = new PollableFd(fd, "raw protocol " + protocol);
    }

    @Override
    public int protocol() {
        return protocol;
    }

    @Override
    public InetAddress receive(ByteBuffer buffer) throws IOException {
        if (!socket.enter()) {
            return null;
        }
        try {
            while (true) {
                fromLength.setInt(0, 28);
                long n = LibC.recvfrom(socket.fd(), Pointer.nativeValue(receiveBuffer), MAX, 0, Pointer.nativeValue(from),
                        Pointer.nativeValue(fromLength));
                if (n >= 0) {
                    int offset = 0;
                    if (ipv4) {
                        offset = (receiveBuffer.getByte(0) & 0x0f) * 4;
                        if (offset < 20 || offset > n) {
                            continue; // not a well-formed IPv4 datagram: dropped
                        }
                    }
                    int length = (int) Math.min(n - offset, buffer.remaining());
                    int start = buffer.position();
                    buffer.put(start, receiveView, offset, length); // one copy, heap or direct, no allocation
                    buffer.limit(start + length).position(start);
                    return source();
                }
                int errno = Native.getLastError();
                if (errno == LibC.EAGAIN) {
                    if (!socket.awaitReadable()) {
                        return null;
                    }
                } else if (errno != LibC.EINTR) {
                    if (socket.isClosed()) {
                        return null;
                    }
                    throw LibC.error("receive raw protocol " + protocol, errno);
                }
            }
        } finally {
            socket.leave();
        }
    }

    @Override
    public synchronized void send(ByteBuffer payload, InetAddress destination, boolean dontFragment) throws IOException {
        if ((destination instanceof Inet4Address) != ipv4) {
            throw new IOException("raw protocol " + protocol + " on " + IpPrefix.format(local) + " cannot send to "
                    + IpPrefix.format(destination) + " (another address family)");
        }
        if (!socket.enter()) {
            throw new IOException("raw protocol " + protocol + " socket is closed");
        }
        try {
            setDontFragment(dontFragment);
            if (destination != lastDestination) {
                lastDestinationLength = sockaddr(to, destination);
                lastDestination = destination;
            }
            int length = payload.remaining();
            if (length > MAX) {
                throw new IOException("raw protocol " + protocol + ": payload of " + length + " bytes is too long");
            }
            sendView.put(0, payload, payload.position(), length);
            long n;
            do {
                n = LibC.sendto(socket.fd(), Pointer.nativeValue(sendBuffer), length, 0, Pointer.nativeValue(to),
                        lastDestinationLength);
            } while (n < 0 && Native.getLastError() == LibC.EINTR);
            if (n < 0) {
                int errno = Native.getLastError();
                throw LibC.error("send raw protocol " + protocol + " to " + IpPrefix.format(destination)
                        + (errno == LibC.EMSGSIZE ? " (larger than the path MTU with DF set)" : ""), errno);
            }
            payload.position(payload.limit());
        } finally {
            socket.leave();
        }
    }

    private void setDontFragment(boolean wanted) throws IOException {
        int value = wanted ? 1 : 0;
        if (value == dontFragment) {
            return;
        }
        int result;
        if (ipv4) {
            option.setInt(0, wanted ? LibC.IP_PMTUDISC_DO : LibC.IP_PMTUDISC_DONT);
            result = LibC.setsockopt(socket.fd(), LibC.IPPROTO_IP, LibC.IP_MTU_DISCOVER, Pointer.nativeValue(option), 4);
        } else {
            option.setInt(0, value);
            result = LibC.setsockopt(socket.fd(), LibC.IPPROTO_IPV6, LibC.IPV6_DONTFRAG, Pointer.nativeValue(option), 4);
        }
        if (result < 0) {
            throw LibC.error("raw protocol " + protocol + ": set DF " + wanted);
        }
        dontFragment = value;
    }

    /** The sender, reusing the previous object when it is the same peer (no allocation per packet). */
    private InetAddress source() throws IOException {
        int size = ipv4 ? 4 : 16;
        int offset = ipv4 ? 4 : 8;
        if (lastSourceBytes != null) {
            boolean same = true;
            for (int i = 0; i < size && same; i++) {
                same = from.getByte(offset + i) == lastSourceBytes[i];
            }
            if (same) {
                return lastSource;
            }
        }
        byte[] bytes = from.getByteArray(offset, size);
        try {
            lastSource = InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IOException(e);
        }
        lastSourceBytes = Arrays.copyOf(bytes, size);
        return lastSource;
    }

    /** Writes a sockaddr_in or sockaddr_in6 (port 0) and returns its length. */
    static int sockaddr(Memory memory, InetAddress address) {
        memory.clear(28);
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            memory.setShort(0, (short) LibC.AF_INET);
            memory.write(4, bytes, 0, 4);
            return 16;
        }
        memory.setShort(0, (short) LibC.AF_INET6);
        memory.write(8, bytes, 0, 16);
        if (address instanceof java.net.Inet6Address) {
            memory.setInt(24, ((java.net.Inet6Address) address).getScopeId());
        }
        return 28;
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "raw protocol " + protocol + " on " + IpPrefix.format(local);
    }
}
