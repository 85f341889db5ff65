package org.secplane.driver.linux.internal;

import org.secplane.driver.IpPrefix;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import org.secplane.driver.TunnelInterface;

/**
 * A tunnel interface {@code st0.N} as a Linux TUN device of the same name ({@code IFF_TUN | IFF_NO_PI},
 * so reads and writes are bare IP packets). Addresses go through rtnetlink, MTU and up/down through
 * {@code SIOCSIFMTU}/{@code SIOCSIFFLAGS}. The device is not persistent: closing it (or the JVM dying)
 * removes it from the host with its addresses and routes. {@link #read} blocks in {@code poll()} until a
 * packet arrives or {@link #close} wakes it. Packets are copied between the caller's buffer and one
 * native buffer per direction; a direct buffer is used in place.
 */
final class LinuxTunnel implements TunnelInterface {

    static final long TUNSETIFF = 0x400454caL;
    static final long TUNSETPERSIST = 0x400454cbL;
    static final long SIOCGIFFLAGS = 0x8913;
    static final long SIOCSIFFLAGS = 0x8914;
    static final long SIOCGIFMTU = 0x8921;
    static final long SIOCSIFMTU = 0x8922;
    static final long SIOCGIFINDEX = 0x8933;
    static final short IFF_TUN = 0x0001;
    static final short IFF_NO_PI = 0x1000;
    static final short IFF_UP = 0x1;
    static final short IFF_RUNNING = 0x40;
    static final int MAX_PACKET = 65535;

    private final String name;
    private final PollableFd tun;
    private final int control;
    private final Rtnetlink netlink;
    private final StateListener stateChanged;
    private final int index;
    private final Memory readBuffer = new Memory(MAX_PACKET);
    private final Memory writeBuffer = new Memory(MAX_PACKET);
    private final Memory ifreq = new Memory(40);
    private final AtomicLongArray counters = new AtomicLongArray(5);
    private ByteBuffer lastReadDirect;
    private long lastReadAddress;
    private ByteBuffer lastWriteDirect;
    private long lastWriteAddress;
    private List<String> wanted = List.of();

    /**
     * Creates (or attaches to an existing) TUN device {@code name} in the calling thread's network
     * namespace. {@code control} is an AF_INET datagram socket for interface ioctls; {@code stateChanged} is
     * told when the interface is set up or down (the kernel drops routes through it on down, so they must be
     * installed again on up).
     */
    LinuxTunnel(String name, int control, Rtnetlink netlink, StateListener stateChanged) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length > 15) {
            throw new IllegalArgumentException("interface name '" + name + "' is longer than 15 characters");
        }
        this.name = name;
        this.control = control;
        this.netlink = netlink;
        this.stateChanged = stateChanged;
        int fd = LibC.open("/dev/net/tun", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0) {
            throw LibC.error(name + ": open /dev/net/tun");
        }
        ifreq.clear();
        ifreq.write(0, nameBytes, 0, nameBytes.length);
        ifreq.setShort(16, (short) (IFF_TUN | IFF_NO_PI));
        if (LibC.ioctl(fd, TUNSETIFF, Pointer.nativeValue(ifreq)) < 0) {
            int errno = Native.getLastError();
            LibC.close(fd);
            throw LibC.error(name + ": create TUN device" + (errno == LibC.EBUSY ? " (another process holds " + name + ")"
                    : errno == LibC.EPERM ? " (needs CAP_NET_ADMIN)" : ""), errno);
        }
        // a device left persistent by someone else becomes ours: it goes away with this descriptor
        LibC.ioctl(fd, TUNSETPERSIST, 0);
        this.tun = new PollableFd(fd, name);
        try {
            this.index = interfaceIndex();
            // a leftover device may carry old addresses
            for (Rtnetlink.Address address : netlink.addresses(index)) {
                if (!address.linkLocal()) {
                    netlink.deleteAddress(index, address.address, address.prefixLength);
                }
            }
        } catch (IOException | RuntimeException e) {
            tun.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String hostName() {
        return name;
    }

    int index() {
        return index;
    }

    @Override
    public synchronized void setAddresses(List<String> prefixes) throws IOException {
        checkOpen();
        Set<String> target = new LinkedHashSet<>();
        for (String prefix : prefixes) {
            target.add(IpPrefix.parse(prefix).toString());
        }
        List<Rtnetlink.Address> present = netlink.addresses(index);
        for (Rtnetlink.Address address : present) {
            String text = IpPrefix.format(address.address) + "/" + address.prefixLength;
            if (!target.contains(text) && !address.linkLocal()) {
                netlink.deleteAddress(index, address.address, address.prefixLength);
            }
        }
        for (String prefix : target) {
            int slash = prefix.indexOf('/');
            netlink.addAddress(index, IpPrefix.literal(prefix.substring(0, slash)), Integer.parseInt(prefix.substring(slash + 1)));
        }
        wanted = List.copyOf(target);
    }

    /** The addresses the kernel has on the device (without link-local ones secplane did not set). */
    @Override
    public synchronized List<String> addresses() {
        if (tun.isClosed()) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (Rtnetlink.Address address : netlink.addresses(index)) {
                String text = IpPrefix.format(address.address) + "/" + address.prefixLength;
                if (!address.linkLocal() || wanted.contains(text)) {
                    out.add(text);
                }
            }
            return out;
        } catch (IOException e) {
            return wanted;
        }
    }

    @Override
    public synchronized void setMtu(int mtu) throws IOException {
        checkOpen();
        if (mtu < 68 || mtu > MAX_PACKET) {
            throw new IllegalArgumentException(name + ": MTU " + mtu + " out of range 68..65535");
        }
        prepareIfreq();
        ifreq.setInt(16, mtu);
        if (LibC.ioctl(control, SIOCSIFMTU, Pointer.nativeValue(ifreq)) < 0) {
            throw LibC.error(name + ": set MTU " + mtu);
        }
    }

    @Override
    public synchronized int mtu() {
        if (tun.isClosed()) {
            return 0;
        }
        prepareIfreq();
        return LibC.ioctl(control, SIOCGIFMTU, Pointer.nativeValue(ifreq)) < 0 ? 0 : ifreq.getInt(16);
    }

    @Override
    public void setUp(boolean up) throws IOException {
        synchronized (this) {
            checkOpen();
            short flags = flags();
            short changed = (short) (up ? flags | IFF_UP : flags & ~IFF_UP);
            if (changed != flags) {
                prepareIfreq();
                ifreq.setShort(16, changed);
                if (LibC.ioctl(control, SIOCSIFFLAGS, Pointer.nativeValue(ifreq)) < 0) {
                    throw LibC.error(name + ": set " + (up ? "up" : "down"));
                }
            }
            if (up && !wanted.isEmpty()) {
                // the kernel drops IPv6 addresses on down (keep_addr_on_down=0): put them back
                for (String prefix : wanted) {
                    int slash = prefix.indexOf('/');
                    netlink.addAddress(index, IpPrefix.literal(prefix.substring(0, slash)),
                            Integer.parseInt(prefix.substring(slash + 1)));
                }
            }
        }
        stateChanged.changed(this, up);
    }

    @Override
    public synchronized boolean isUp() {
        if (tun.isClosed()) {
            return false;
        }
        try {
            return (flags() & IFF_UP) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the kernel reports the link running (a reader attached and the interface up). */
    synchronized boolean isRunning() {
        try {
            return !tun.isClosed() && (flags() & IFF_RUNNING) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        if (!tun.enter()) {
            return -1;
        }
        try {
            int start = buffer.position();
            int room = buffer.remaining();
            boolean direct = buffer.isDirect();
            long target;
            if (direct) {
                if (buffer != lastReadDirect) {
                    lastReadAddress = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
                    lastReadDirect = buffer;
                }
                target = lastReadAddress + start;
            } else {
                target = Pointer.nativeValue(readBuffer);
                room = Math.min(room, MAX_PACKET);
            }
            while (true) {
                long n = LibC.read(tun.fd(), target, room);
                if (n >= 0) {
                    if (!direct) {
                        readBuffer.read(0, buffer.array(), buffer.arrayOffset() + start, (int) n);
                    }
                    buffer.limit(start + (int) n).position(start);
                    counters.incrementAndGet(0);
                    counters.addAndGet(1, n);
                    return (int) n;
                }
                int errno = Native.getLastError();
                if (errno == LibC.EAGAIN) {
                    if (!tun.awaitReadable()) {
                        return -1;
                    }
                } else if (errno != LibC.EINTR) {
                    if (tun.isClosed()) {
                        return -1;
                    }
                    throw LibC.error(name + ": read", errno);
                }
            }
        } finally {
            tun.leave();
        }
    }

    @Override
    public void write(ByteBuffer packet) throws IOException {
        if (!tun.enter()) {
            throw new IOException(name + " has been removed");
        }
        try {
            int length = packet.remaining();
            if (length > MAX_PACKET) {
                throw new IOException(name + ": packet of " + length + " bytes is longer than an IP packet can be");
            }
            long n;
            synchronized (writeBuffer) {
                long source;
                if (packet.isDirect()) {
                    if (packet != lastWriteDirect) {
                        lastWriteAddress = Pointer.nativeValue(Native.getDirectBufferPointer(packet));
                        lastWriteDirect = packet;
                    }
                    source = lastWriteAddress + packet.position();
                } else {
                    writeBuffer.write(0, packet.array(), packet.arrayOffset() + packet.position(), length);
                    source = Pointer.nativeValue(writeBuffer);
                }
                do {
                    n = LibC.write(tun.fd(), source, length);
                } while (n < 0 && Native.getLastError() == LibC.EINTR);
            }
            packet.position(packet.limit());
            if (n < 0) {
                int errno = Native.getLastError();
                if (errno == LibC.EIO || errno == LibC.EAGAIN || errno == 22 /* EINVAL: not an IP packet */) {
                    counters.incrementAndGet(4); // interface down, queue full or garbage: dropped, as the kernel does
                    return;
                }
                throw LibC.error(name + ": write", errno);
            }
            counters.incrementAndGet(2);
            counters.addAndGet(3, length);
        } finally {
            tun.leave();
        }
    }

    /** Packets and bytes read, packets and bytes written, packets dropped on write. */
    @Override
    public long[] counters() {
        long[] copy = new long[counters.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counters.get(i);
        }
        return copy;
    }

    boolean isClosed() {
        return tun.isClosed();
    }

    /** Closes the device: the kernel removes it, its addresses and its routes; a blocked reader returns -1. */
    @Override
    public void close() {
        tun.close();
    }

    private int interfaceIndex() throws IOException {
        prepareIfreq();
        if (LibC.ioctl(control, SIOCGIFINDEX, Pointer.nativeValue(ifreq)) < 0) {
            throw LibC.error(name + ": interface index");
        }
        return ifreq.getInt(16);
    }

    private short flags() throws IOException {
        prepareIfreq();
        if (LibC.ioctl(control, SIOCGIFFLAGS, Pointer.nativeValue(ifreq)) < 0) {
            throw LibC.error(name + ": read flags");
        }
        return ifreq.getShort(16);
    }

    private void prepareIfreq() {
        ifreq.clear();
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        ifreq.write(0, nameBytes, 0, nameBytes.length);
    }

    private void checkOpen() throws IOException {
        if (tun.isClosed()) {
            throw new IOException(name + " has been removed");
        }
    }

    @Override
    public String toString() {
        return name + " (TUN, index " + index + ")";
    }

    /** Told when a tunnel is set up or down. */
    interface StateListener {
        void changed(LinuxTunnel tunnel, boolean up) throws IOException;
    }

    /** For status output: the prefixes secplane set. */
    synchronized List<String> wanted() {
        return wanted;
    }
}
