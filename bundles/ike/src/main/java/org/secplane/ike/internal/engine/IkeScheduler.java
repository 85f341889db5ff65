package org.secplane.ike.internal.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay; the engine then hands it to the right event loop. The returned runnable cancels
 * it. In tests a manual clock implements this and fires timers as it is advanced.
 */
@FunctionalInterface
public interface IkeScheduler {

    Runnable schedule(Runnable task, long delayMillis);

    /** A scheduler on one daemon thread; {@code close} it with {@link #shutdown}. */
    static IkeScheduler threaded() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = Executors.defaultThreadFactory().newThread(runnable);
            t.setName("secplane-ike-timer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new ThreadedScheduler(executor);
    }

    /** Stops the threaded scheduler's thread (no-op for others). */
    default void shutdown() {
    }

    /** The default {@link IkeScheduler}. */
    final class ThreadedScheduler implements IkeScheduler {
        private final ScheduledThreadPoolExecutor executor;

        ThreadedScheduler(ScheduledThreadPoolExecutor executor) {
            this.executor = executor;
        }

        @Override
        public Runnable schedule(Runnable task, long delayMillis) {
            ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public void shutdown() {
            executor.shutdownNow();
        }
    }
}
