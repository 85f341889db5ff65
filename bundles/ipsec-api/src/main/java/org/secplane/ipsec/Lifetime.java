package org.secplane.ipsec;

/**
 * An SA's lifetimes: hard limits in seconds and kilobytes (0 = unlimited) and the soft limits at which
 * key management rekeys. Soft limits are chosen by key management (Junos D-14: hard minus a jittered
 * margin for time, 5/6 for volume).
 */
public final class Lifetime {

    private final long hardSeconds;
    private final long softSeconds;
    private final long hardKilobytes;
    private final long softKilobytes;

    public Lifetime(long hardSeconds, long softSeconds, long hardKilobytes, long softKilobytes) {
        this.hardSeconds = hardSeconds;
        this.softSeconds = softSeconds;
        this.hardKilobytes = hardKilobytes;
        this.softKilobytes = softKilobytes;
    }

    /** Hard limits only; soft limits at 5/6 of them. */
    public static Lifetime of(long hardSeconds, long hardKilobytes) {
        return new Lifetime(hardSeconds, hardSeconds * 5 / 6, hardKilobytes, hardKilobytes * 5 / 6);
    }

    public long hardSeconds() {
        return hardSeconds;
    }

    public long softSeconds() {
        return softSeconds;
    }

    public long hardKilobytes() {
        return hardKilobytes;
    }

    public long softKilobytes() {
        return softKilobytes;
    }
}
