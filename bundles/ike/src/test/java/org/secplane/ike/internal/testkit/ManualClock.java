package org.secplane.ike.internal.testkit;

import java.util.PriorityQueue;
import org.secplane.ike.internal.engine.IkeClock;
import org.secplane.ike.internal.engine.IkeScheduler;

/** A clock that moves only when told, firing the timers that come due, in order. Single-threaded use. */
public final class ManualClock implements IkeClock, IkeScheduler {

    private long now = 1_000_000;
    private long sequence;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.sequence, b.sequence));

    private static final class Timer {
        final long at;
        final long sequence;
        final Runnable task;
        boolean cancelled;

        Timer(long at, long sequence, Runnable task) {
            this.at = at;
            this.sequence = sequence;
            this.task = task;
        }
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public Runnable schedule(Runnable task, long delayMillis) {
        Timer t = new Timer(now + Math.max(0, delayMillis), sequence++, task);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves the clock forward, firing due timers (including those they schedule) at their times. */
    public void advance(long millis) {
        long until = now + millis;
        while (true) {
            Timer t = timers.peek();
            if (t == null || t.at > until) {
                break;
            }
            timers.poll();
            if (t.cancelled) {
                continue;
            }
            now = Math.max(now, t.at);
            t.task.run();
        }
        now = until;
    }

    /** When the next live timer fires, or -1. */
    public long nextTimer() {
        for (Timer t : timers) {
            if (!t.cancelled) {
                return t.at;
            }
        }
        return -1;
    }

    public int pendingTimers() {
        int n = 0;
        for (Timer t : timers) {
            if (!t.cancelled) {
                n++;
            }
        }
        return n;
    }
}
