package org.secplane.crypto.internal.registry;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Hash;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crypto registry: known-answer tests when a provider arrives, speed ranking per algorithm,
 * handles that follow the ranking and survive providers leaving. Plain Java; the OSGi component
 * feeds it providers. See the package documentation for the design.
 */
public final class RankingCryptoRegistry implements CryptoRegistry, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankingCryptoRegistry.class);

    /** Tunables; the defaults are what the product uses. */
    public static final class Settings {
        SpeedMeter meter;
        long budgetNanos = TimeUnit.MILLISECONDS.toNanos(40);
        Duration firstRemeasure = Duration.ofSeconds(30);
        Duration remeasurePeriod = Duration.ofMinutes(10);
        double hysteresis = 0.10;
        Duration testWait = Duration.ofSeconds(30);

        public static Settings defaults() {
            return new Settings();
        }

        /** How speeds are measured (default: {@link CpuTimeSpeedMeter}). */
        public Settings meter(SpeedMeter meter) {
            this.meter = meter;
            return this;
        }

        /** CPU time spent measuring one algorithm of one provider (default 40 ms). */
        public Settings budget(Duration budget) {
            this.budgetNanos = budget.toNanos();
            return this;
        }

        /** When contested algorithms are measured again after a provider arrives (default 30 s). */
        public Settings firstRemeasure(Duration delay) {
            this.firstRemeasure = delay;
            return this;
        }

        /** How often contested algorithms are measured again (default 10 minutes). */
        public Settings remeasurePeriod(Duration period) {
            this.remeasurePeriod = period;
            return this;
        }

        /**
         * How much faster (as a fraction) a challenger must measure to take an algorithm from the
         * provider that serves it (default 0.10), so that measurement noise does not move live SAs
         * back and forth.
         */
        public Settings hysteresis(double fraction) {
            this.hysteresis = fraction;
            return this;
        }

        /**
         * How long a consumer asking for an algorithm waits while a registered provider is still
         * running that algorithm's known-answer tests (default 30 s), instead of failing at start-up.
         */
        public Settings testWait(Duration wait) {
            this.testWait = wait;
            return this;
        }
    }

    private final SpeedMeter meter;
    private final long budgetNanos;
    private final Duration firstRemeasure;
    private final double hysteresis;
    private final long testWaitNanos;
    private final Map<Algorithm, Lane> lanes = new EnumMap<>(Algorithm.class);
    private final Object lock = new Object();
    private final Map<CryptoProvider, ProviderEntry> entries = new IdentityHashMap<>();
    private long nextOrder;
    private final ScheduledExecutorService measurer;
    private final ExecutorService tester;
    private final SecureRandom random = new RoutedRandom(this);
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean fullRemeasurePending = new java.util.concurrent.atomic.AtomicBoolean();

    public RankingCryptoRegistry(Settings settings) {
        this.meter = settings.meter != null ? settings.meter : new CpuTimeSpeedMeter();
        this.budgetNanos = settings.budgetNanos;
        this.firstRemeasure = settings.firstRemeasure;
        this.hysteresis = settings.hysteresis;
        this.testWaitNanos = settings.testWait.toNanos();
        for (Algorithm algorithm : Algorithm.values()) {
            lanes.put(algorithm, new Lane(algorithm));
        }
        this.measurer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secplane-crypto-measure");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        this.tester = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secplane-crypto-test");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.remeasurePeriod.toMillis();
        measurer.scheduleWithFixedDelay(() -> remeasure(true), period, period, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- providers coming and going

    /**
     * Registers a provider and returns at once: its known-answer tests run on a background thread, one
     * algorithm after the other, and each algorithm is offered as soon as it has passed. Consumers
     * asking meanwhile for an algorithm nothing offers yet wait for its tests (see
     * {@link Settings#testWait}). The speed of what passed is then measured on another thread.
     */
    public void addProvider(CryptoProvider provider) {
        if (closed) {
            return;
        }
        String name;
        String driver;
        Set<Algorithm> claimed;
        String problem = null;
        try {
            name = provider.name();
            driver = provider.driver();
            claimed = provider.algorithms();
        } catch (RuntimeException | LinkageError e) {
            name = provider.getClass().getSimpleName();
            driver = "?";
            claimed = Set.of();
            problem = "failed: it cannot describe itself: " + e;
        }
        ProviderEntry entry;
        synchronized (lock) {
            if (closed || entries.containsKey(provider)) {
                return;
            }
            entry = new ProviderEntry(provider, name, driver, nextOrder++, claimed, problem);
            entries.put(provider, entry);
        }
        LOG.info("crypto provider {} ({}) arrived, claiming {} algorithms; testing them", name, driver, claimed.size());
        try {
            tester.execute(() -> test(entry));
        } catch (RejectedExecutionException e) {
            entry.measuring = false; // closing
        }
    }

    private void test(ProviderEntry entry) {
        List<Algorithm> passed = new ArrayList<>();
        try {
            for (Algorithm algorithm : entry.claimed) {
                if (!entry.live || closed) {
                    return;
                }
                KnownAnswerTest.Result result = KnownAnswerTest.run(entry.provider, algorithm);
                synchronized (lock) {
                    entry.capabilities.put(algorithm, new ProviderEntry.Capability(algorithm, result));
                    entry.untested.remove(algorithm);
                    rerank(List.of(algorithm));
                    lock.notifyAll();
                }
                if (result.passed()) {
                    passed.add(algorithm);
                } else {
                    LOG.warn("crypto provider {}: {} not offered, known-answer test {}", entry.name, algorithm.label(), result.text());
                }
            }
        } finally {
            synchronized (lock) {
                entry.untested.clear();
                lock.notifyAll();
            }
        }
        LOG.info("crypto provider {}: {} of {} algorithms passed their known-answer tests", entry.name, passed.size(),
                entry.claimed.size());
        try {
            measurer.execute(() -> measure(entry, passed));
            if (fullRemeasurePending.compareAndSet(false, true)) { // providers arriving together share one
                measurer.schedule(() -> {
                    fullRemeasurePending.set(false);
                    remeasure(false);
                }, firstRemeasure.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            entry.measuring = false; // closing
        }
    }

    /**
     * The provider {@code lane} selects, waiting (up to {@link Settings#testWait}) while a provider is
     * still testing the algorithm and nothing offers it yet; {@code null} if none.
     */
    ProviderEntry awaitSelection(Lane lane) {
        ProviderEntry selected = lane.selected;
        if (selected != null) {
            return selected;
        }
        long deadline = System.nanoTime() + testWaitNanos;
        synchronized (lock) {
            while ((selected = lane.selected) == null && testing(lane.algorithm)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return selected;
    }

    /** Whether a live provider has yet to test {@code algorithm}; called holding {@link #lock}. */
    private boolean testing(Algorithm algorithm) {
        for (ProviderEntry entry : entries.values()) {
            if (entry.live && entry.untested.contains(algorithm)) {
                return true;
            }
        }
        return false;
    }

    /** Withdraws a provider: its algorithms go to the next ranked provider, and its handles follow at their next call. */
    public void removeProvider(CryptoProvider provider) {
        ProviderEntry entry;
        synchronized (lock) {
            entry = entries.remove(provider);
            if (entry == null) {
                return;
            }
            rerank(entry.claimed);
            entry.live = false;
        }
        LOG.info("crypto provider {} withdrawn", entry.name);
    }

    /** Measures every offered algorithm again now and waits (what happens 30 s after a registration). */
    public void remeasureNow() throws InterruptedException {
        await(measurer.submit(() -> remeasure(false)));
    }

    /** Waits until the known-answer tests queued so far are done. */
    public void awaitTests() throws InterruptedException {
        await(tester.submit(() -> { }));
    }

    /** Waits until the known-answer tests and then the measurements queued so far are done. */
    public void awaitMeasurements() throws InterruptedException {
        await(tester.submit(() -> { }));
        await(measurer.submit(() -> { }));
    }

    private static void await(java.util.concurrent.Future<?> future) throws InterruptedException {
        try {
            future.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        measurer.shutdownNow();
        tester.shutdownNow();
        synchronized (lock) {
            List<ProviderEntry> all = new ArrayList<>(entries.values());
            entries.clear();
            for (Lane lane : lanes.values()) {
                lane.ranking = List.of();
                lane.selected = null;
            }
            all.forEach(e -> e.live = false);
        }
    }

    // ---------------------------------------------------------------- ranking

    private void measure(ProviderEntry entry, Collection<Algorithm> algorithms) {
        try {
            for (Algorithm algorithm : algorithms) {
                if (!entry.live || closed) {
                    return;
                }
                ProviderEntry.Capability capability = entry.capabilities.get(algorithm);
                try {
                    capability.operationsPerSecond = meter.measure(entry.provider, algorithm, budgetNanos);
                    capability.measurementError = null;
                } catch (Exception | LinkageError e) {
                    capability.operationsPerSecond = 0;
                    capability.measurementError = e.toString();
                    LOG.warn("crypto provider {}: measuring {} failed: {}", entry.name, algorithm.label(), e.toString());
                }
                synchronized (lock) {
                    rerank(List.of(algorithm));
                }
            }
        } finally {
            entry.measuring = false;
        }
    }

    /**
     * Measures again every passed algorithm of every live provider, or with {@code contestedOnly}
     * those that more than one live provider can do: the first measurement of a JIT-compiled provider
     * is taken cold and undersells it (30 s after a registration everything is measured again, every
     * 10 minutes the contested algorithms).
     */
    void remeasure(boolean contestedOnly) {
        if (closed) {
            return;
        }
        Map<ProviderEntry, List<Algorithm>> work = new IdentityHashMap<>();
        synchronized (lock) {
            for (Lane lane : lanes.values()) {
                if (lane.ranking.size() > 1 || !contestedOnly) {
                    for (ProviderEntry entry : lane.ranking) {
                        work.computeIfAbsent(entry, e -> new ArrayList<>()).add(lane.algorithm);
                    }
                }
            }
        }
        work.forEach((entry, algorithms) -> {
            entry.measuring = true;
            measure(entry, algorithms);
        });
    }

    /** Recomputes the ranking of {@code algorithms}; called holding {@link #lock}. */
    private void rerank(Collection<Algorithm> algorithms) {
        for (Algorithm algorithm : algorithms) {
            Lane lane = lanes.get(algorithm);
            List<ProviderEntry> ranking = new ArrayList<>();
            for (ProviderEntry entry : entries.values()) {
                if (entry.live && entry.passed(algorithm)) {
                    ranking.add(entry);
                }
            }
            ranking.sort(Comparator.<ProviderEntry>comparingInt(e -> Double.isNaN(e.speed(algorithm)) ? 1 : 0)
                    .thenComparing(Comparator.<ProviderEntry>comparingDouble(e -> speedOrZero(e, algorithm)).reversed())
                    .thenComparingLong(e -> e.order));
            ProviderEntry previous = lane.selected;
            if (previous != null && !ranking.isEmpty() && ranking.get(0) != previous && ranking.contains(previous)) {
                double incumbent = previous.speed(algorithm);
                double challenger = ranking.get(0).speed(algorithm);
                if (!Double.isNaN(incumbent) && challenger < incumbent * (1 + hysteresis)) {
                    ranking.remove(previous);
                    ranking.add(0, previous);
                }
            }
            lane.ranking = List.copyOf(ranking);
            ProviderEntry now = ranking.isEmpty() ? null : ranking.get(0);
            lane.selected = now;
            if (now != previous && previous == null) {
                LOG.debug("{}: served by {}", algorithm.label(), now.name);
            } else if (now != previous) {
                LOG.info("{}: served by {} (was {})", algorithm.label(), now == null ? "no provider" : now.name, previous.name);
            }
        }
    }

    private static double speedOrZero(ProviderEntry entry, Algorithm algorithm) {
        double speed = entry.speed(algorithm);
        return Double.isNaN(speed) ? 0 : speed;
    }

    /** {@code first}, then the rest of the lane's ranking. */
    List<ProviderEntry> candidates(Lane lane, ProviderEntry first) {
        List<ProviderEntry> candidates = new ArrayList<>();
        if (first != null && first.live) {
            candidates.add(first);
        }
        for (ProviderEntry entry : lane.ranking) {
            if (entry != first && entry.live) {
                candidates.add(entry);
            }
        }
        return candidates;
    }

    /** The error a consumer sees when nothing can do {@code algorithm}: names it and says why. */
    CryptoException noProvider(Algorithm algorithm, Throwable cause) {
        StringBuilder why = new StringBuilder();
        synchronized (lock) {
            for (ProviderEntry entry : entries.values()) {
                ProviderEntry.Capability capability = entry.capabilities.get(algorithm);
                if (capability != null && !capability.passed) {
                    why.append(why.length() == 0 ? "" : "; ").append(entry.name).append(" known-answer test ")
                            .append(capability.knownAnswerTest);
                }
            }
            if (testing(algorithm)) {
                why.append(why.length() == 0 ? "" : "; ").append("its known-answer tests are still running");
            }
            if (why.length() == 0) {
                why.append(entries.isEmpty() ? "no crypto provider is registered" : "no registered provider offers it");
            }
        }
        String message = "no crypto provider can do " + algorithm.label() + " (" + why + ")";
        return cause == null ? new CryptoException(message) : new CryptoException(message + ": " + cause.getMessage(), cause);
    }

    // ---------------------------------------------------------------- CryptoRegistry

    private Lane lane(Algorithm algorithm, AlgorithmType type) {
        if (algorithm.type() != type) {
            throw new IllegalArgumentException(algorithm.label() + " is a " + algorithm.type() + " algorithm, not " + type);
        }
        return lanes.get(algorithm);
    }

    @Override
    public boolean supports(Algorithm algorithm) {
        return awaitSelection(lanes.get(algorithm)) != null;
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        Lane lane = lane(algorithm, AlgorithmType.CIPHER);
        checkLength(algorithm, key, algorithm.keySize() + algorithm.saltSize());
        return new CipherHandle(this, lane, key.clone());
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        Lane lane = lane(algorithm, AlgorithmType.AEAD);
        checkLength(algorithm, keyAndSalt, algorithm.keySize() + algorithm.saltSize());
        return new AeadHandle(this, lane, keyAndSalt.clone());
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        Lane lane = lane(algorithm, AlgorithmType.INTEGRITY);
        if (key == null || key.length == 0) {
            throw new CryptoException(algorithm.label() + ": empty key");
        }
        return new MacHandle(this, lane, key.clone());
    }

    private static void checkLength(Algorithm algorithm, byte[] key, int length) {
        if (key == null || key.length != length) {
            throw new CryptoException(algorithm.label() + ": key of " + (key == null ? 0 : key.length) + " bytes, expected "
                    + length + (algorithm.saltSize() > 0 ? " (" + algorithm.keySize() + " of key, " + algorithm.saltSize()
                    + " of salt)" : ""));
        }
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        return Routes.prf(this, lane(algorithm, AlgorithmType.PRF));
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        return Routes.hash(this, lane(algorithm, AlgorithmType.HASH));
    }

    @Override
    public KeyExchange keyExchange(Algorithm algorithm) {
        return new KeyExchangeHandle(this, lane(algorithm, AlgorithmType.KEY_EXCHANGE));
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        return Routes.signer(this, lane(algorithm, AlgorithmType.SIGNATURE), key);
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        Lane lane = lane(algorithm, AlgorithmType.SIGNATURE);
        RuntimeException failure = null;
        for (ProviderEntry candidate : candidates(lane, awaitSelection(lane))) {
            try {
                return candidate.provider.verify(algorithm, key, data, signature);
            } catch (RuntimeException e) {
                if (candidate.live && lane.selected == candidate) {
                    throw e; // the key does not fit, or the provider is broken while still selected
                }
                failure = e;
            }
        }
        throw noProvider(algorithm, failure);
    }

    @Override
    public SecureRandom random() {
        return random;
    }

    void randomBytes(byte[] bytes) {
        Lane lane = lanes.get(Algorithm.RANDOM);
        RuntimeException failure = null;
        for (ProviderEntry candidate : candidates(lane, awaitSelection(lane))) {
            try {
                candidate.provider.random(bytes);
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw noProvider(Algorithm.RANDOM, failure);
    }

    @Override
    public List<ProviderStatus> providers() {
        List<ProviderEntry> snapshot;
        Map<ProviderEntry, Set<Algorithm>> untested = new IdentityHashMap<>();
        synchronized (lock) {
            snapshot = new ArrayList<>(entries.values());
            snapshot.forEach(e -> untested.put(e, Set.copyOf(e.untested)));
        }
        snapshot.sort(Comparator.comparingLong(e -> e.order));
        List<ProviderStatus> statuses = new ArrayList<>();
        for (ProviderEntry entry : snapshot) {
            List<ProviderStatus.CapabilityStatus> capabilities = new ArrayList<>();
            boolean anyPassed = false;
            for (Algorithm algorithm : entry.claimed) {
                ProviderEntry.Capability capability = entry.capabilities.get(algorithm);
                if (capability == null) {
                    capabilities.add(new ProviderStatus.CapabilityStatus(algorithm, false,
                            untested.get(entry).contains(algorithm) ? "testing" : "not tested", Double.NaN, 0, false));
                    continue;
                }
                Lane lane = lanes.get(capability.algorithm);
                int rank = lane.ranking.indexOf(entry) + 1;
                anyPassed |= capability.passed;
                String kat = capability.knownAnswerTest
                        + (capability.measurementError == null ? "" : "; measurement failed: " + capability.measurementError);
                capabilities.add(new ProviderStatus.CapabilityStatus(capability.algorithm, capability.passed && entry.live, kat,
                        capability.operationsPerSecond, rank, lane.selected == entry));
            }
            String state = entry.problem != null ? entry.problem
                    : !untested.get(entry).isEmpty() ? "testing"
                    : !anyPassed ? "failed: no algorithm passed its known-answer tests"
                    : entry.measuring ? "active, measuring speed" : "active";
            statuses.add(new ProviderStatus(entry.name, entry.driver, state, capabilities));
        }
        return statuses;
    }
}
