package org.secplane.driver.simulator.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded queue of packets between two sides of a simulated device: {@link #offer} drops (and says so)
 * when full, as a NIC ring does; {@link #take} blocks until a packet arrives or the queue is closed.
 *
 * @param <T> what a packet carries (bytes and, for sockets, the sender)
 */
final class PacketQueue<T> {

    /** Ring size of every simulated queue. */
    static final int CAPACITY = 4096;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private static final Object CLOSED = new Object();
    private volatile boolean closed;

    /** Queues {@code packet}; false when the queue is full or closed (the packet is dropped). */
    boolean offer(T packet) {
        return !closed && queue.offer(packet);
    }

    /** The next packet, waiting for it; {@code null} once closed. */
    @SuppressWarnings("unchecked")
    T take() throws InterruptedException {
        if (closed) {
            return null;
        }
        Object next = queue.take();
        if (next == CLOSED) {
            queue.offer(CLOSED); // wake any other waiter
            return null;
        }
        return (T) next;
    }

    /** The next packet within {@code timeout}, or {@code null}. */
    @SuppressWarnings("unchecked")
    T poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (closed) {
            return null;
        }
        Object next = queue.poll(timeout, unit);
        if (next == CLOSED) {
            queue.offer(CLOSED);
            return null;
        }
        return (T) next;
    }

    int size() {
        return queue.size();
    }

    void close() {
        closed = true;
        queue.clear();
        queue.offer(CLOSED);
    }

    boolean isClosed() {
        return closed;
    }
}
