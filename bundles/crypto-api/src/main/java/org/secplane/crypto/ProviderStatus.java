package org.secplane.crypto;

import java.util.List;

/** What {@code show security crypto providers} prints about one provider. */
public final class ProviderStatus {

    private final String name;
    private final String driver;
    private final String state;
    private final List<CapabilityStatus> capabilities;

    public ProviderStatus(String name, String driver, String state, List<CapabilityStatus> capabilities) {
        this.name = name;
        this.driver = driver;
        this.state = state;
        this.capabilities = List.copyOf(capabilities);
    }

    public String name() {
        return name;
    }

    /** What implements it, e.g. {@code SunJCE 17 / BC 1.86} or {@code libcrypto.so.3 (OpenSSL 3.0.19)}. */
    public String driver() {
        return driver;
    }

    /** {@code active}, or why it offers nothing ({@code libcrypto not found}). */
    public String state() {
        return state;
    }

    public List<CapabilityStatus> capabilities() {
        return capabilities;
    }

    /** One algorithm of one provider. */
    public static final class CapabilityStatus {
        private final Algorithm algorithm;
        private final boolean registered;
        private final String knownAnswerTest;
        private final double operationsPerSecond;
        private final int rank;
        private final boolean selected;

        public CapabilityStatus(Algorithm algorithm, boolean registered, String knownAnswerTest, double operationsPerSecond,
                int rank, boolean selected) {
            this.algorithm = algorithm;
            this.registered = registered;
            this.knownAnswerTest = knownAnswerTest;
            this.operationsPerSecond = operationsPerSecond;
            this.rank = rank;
            this.selected = selected;
        }

        public Algorithm algorithm() {
            return algorithm;
        }

        /** Whether it passed its known-answer tests and is offered to consumers. */
        public boolean registered() {
            return registered;
        }

        /** {@code passed (n vectors)} or why it failed. */
        public String knownAnswerTest() {
            return knownAnswerTest;
        }

        /** Measured at registration (and refreshed): operations per second on this machine. */
        public double operationsPerSecond() {
            return operationsPerSecond;
        }

        /** 1 = the fastest provider of this algorithm. */
        public int rank() {
            return rank;
        }

        /** Whether new users of this algorithm get this provider now. */
        public boolean selected() {
            return selected;
        }
    }
}
