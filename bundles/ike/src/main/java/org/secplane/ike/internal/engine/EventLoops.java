package org.secplane.ike.internal.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The event loops IKE SAs are partitioned over (by SPI hash): one SA's events never run concurrently, and an
 * expensive computation on one loop does not hold up the receive path or the other loops.
 */
public interface EventLoops {

    int size();

    void execute(int loop, Runnable task);

    default void shutdown() {
    }

    /**
     * One loop driven by the caller's thread, for deterministic tests: a task posted while another runs waits
     * until that one is done (run to completion, as on a real loop), then runs on the same thread.
     */
    static EventLoops inline() {
        return new EventLoops() {
            private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
            private boolean running;

            @Override
            public int size() {
                return 1;
            }

            @Override
            public void execute(int loop, Runnable task) {
                queue.add(task);
                if (running) {
                    return;
                }
                running = true;
                RuntimeException first = null;
                try {
                    Runnable next;
                    while ((next = queue.poll()) != null) {
                        try {
                            next.run();
                        } catch (RuntimeException e) {
                            if (first == null) {
                                first = e;
                            }
                        }
                    }
                } finally {
                    running = false;
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }

    /** {@code n} single-threaded daemon executors. */
    static EventLoops threads(int n) {
        ExecutorService[] loops = new ExecutorService[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            loops[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "secplane-ike-loop-" + index);
                t.setDaemon(true);
                return t;
            });
        }
        return new EventLoops() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void execute(int loop, Runnable task) {
                try {
                    loops[loop].execute(task);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // shutting down
                }
            }

            @Override
            public void shutdown() {
                for (ExecutorService e : loops) {
                    e.shutdown();
                }
                for (ExecutorService e : loops) {
                    try {
                        e.awaitTermination(2, TimeUnit.SECONDS);
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }
}
