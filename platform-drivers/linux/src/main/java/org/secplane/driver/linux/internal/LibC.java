package org.secplane.driver.linux.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;

/**
 * The libc functions the Linux family calls, bound by JNA direct mapping ({@link Native#register}):
 * interface mapping costs several times more per call (perf-baselines.md), and {@link #read} and
 * {@link #write} are on the packet path. Pointers and {@code size_t}/{@code ssize_t} are Java {@code long}s
 * (LP64), so calls pass only primitives (and a few strings on the control path). {@code ioctl} is
 * variadic in C; with integer arguments the LP64 calling conventions of x86-64 and AArch64 pass it as
 * declared here. Errors come back as -1 with {@code errno} in {@link Native#getLastError()}.
 */
final class LibC {

    static final int O_RDWR = 2;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;

    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    static final short POLLIN = 0x1;

    static final int EINTR = 4;
    static final int EIO = 5;
    static final int ENODEV = 19;
    static final int EAGAIN = 11;
    static final int EBUSY = 16;
    static final int EEXIST = 17;
    static final int EPERM = 1;
    static final int ESRCH = 3;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETDOWN = 100;
    static final int EMSGSIZE = 90;

    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVBUFFORCE = 33;

    static final int IPPROTO_IP = 0;
    static final int IP_MTU_DISCOVER = 10;
    static final int IP_PMTUDISC_DONT = 0;
    static final int IP_PMTUDISC_DO = 2;
    static final int IPPROTO_IPV6 = 41;
    static final int IPV6_DONTFRAG = 62;

    private static Throwable unavailable;

    static {
        try {
            Native.register(LibC.class, NativeLibrary.getInstance("c"));
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError: reported by available()
            unavailable = e;
        }
    }

    private LibC() {
    }

    /** Whether libc could be bound; if not, why. */
    static String unavailableReason() {
        return unavailable == null ? null : unavailable.getClass().getSimpleName() + ": " + unavailable.getMessage();
    }

    static native int open(String path, int flags);

    static native int close(int fd);

    static native long read(int fd, long buffer, long count);

    static native long write(int fd, long buffer, long count);

    static native int ioctl(int fd, long request, long argument);

    static native int socket(int domain, int type, int protocol);

    static native int bind(int fd, long address, int length);

    static native long sendto(int fd, long buffer, long length, int flags, long address, int addressLength);

    static native long recvfrom(int fd, long buffer, long length, int flags, long address, long addressLength);

    static native int setsockopt(int fd, int level, int name, long value, int length);

    static native int poll(long fds, long count, int timeoutMillis);

    static native int eventfd(int initial, int flags);

    static native String strerror(int errno);

    /** The failed call's errno as an exception: {@code what: message (errno N)}. */
    static IOException error(String what) {
        return error(what, Native.getLastError());
    }

    static IOException error(String what, int errno) {
        return new ErrnoException(what + ": " + strerror(errno) + " (errno " + errno + ")", errno);
    }

    /** An I/O error carrying its errno. */
    static final class ErrnoException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int errno;

        ErrnoException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }
}
