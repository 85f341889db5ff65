package org.secplane.driver.linux.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A non-blocking file descriptor read by one thread that blocks in {@code poll()} until it is readable,
 * with an eventfd beside it so that {@link #close} wakes the reader at once. The descriptors are closed
 * only after every thread using them has left, so a closed descriptor number is never reused under a
 * reader's feet.
 */
final class PollableFd {

    private final int fd;
    private final int wakeFd;
    private final String name;
    private final Memory pollFds = new Memory(16);
    private final Memory one = new Memory(8);
    private final AtomicInteger users = new AtomicInteger();
    private volatile boolean closed;
    private boolean released;

    /** Takes ownership of {@code fd} (opened with O_NONBLOCK). */
    PollableFd(int fd, String name) throws IOException {
        this.fd = fd;
        this.name = name;
        this.wakeFd = LibC.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
        if (wakeFd < 0) {
            IOException e = LibC.error(name + ": eventfd");
            LibC.close(fd);
            throw e;
        }
        one.setLong(0, 1);
        pollFds.clear();
        pollFds.setInt(0, fd);
        pollFds.setShort(4, LibC.POLLIN);
        pollFds.setInt(8, wakeFd);
        pollFds.setShort(12, LibC.POLLIN);
    }

    int fd() {
        return fd;
    }

    boolean isClosed() {
        return closed;
    }

    /** Marks a thread as using the descriptor; false when it is closed. Pair with {@link #leave}. */
    boolean enter() {
        users.incrementAndGet();
        if (closed) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        if (users.decrementAndGet() == 0 && closed) {
            release();
        }
    }

    /**
     * Waits until the descriptor is readable; false when {@link #close} was called. Only the one reader
     * thread calls this (the poll array is shared).
     */
    boolean awaitReadable() throws IOException {
        while (!closed) {
            int ready = LibC.poll(Pointer.nativeValue(pollFds), 2, -1);
            if (ready < 0) {
                int errno = Native.getLastError();
                if (errno == LibC.EINTR) {
                    continue;
                }
                throw LibC.error(name + ": poll", errno);
            }
            if (closed || pollFds.getShort(14) != 0) {
                return false;
            }
            if (pollFds.getShort(6) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Wakes the reader and closes the descriptors once nobody uses them (waiting up to 2 s for that). */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LibC.write(wakeFd, Pointer.nativeValue(one), 8);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (users.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (users.get() == 0) {
            release();
        }
    }

    private synchronized void release() {
        if (!released) {
            released = true;
            LibC.close(fd);
            LibC.close(wakeFd);
        }
    }
}
