package org.secplane.ike.internal.engine;

/** Monotonic milliseconds (lifetimes, timers); a manual clock in tests. */
@FunctionalInterface
public interface IkeClock {

    IkeClock SYSTEM = () -> System.nanoTime() / 1_000_000L;

    long millis();
}
