package org.secplane.ike.internal.sa;

import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.policy.ChildProposalSpec;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.TrafficSelector;

/** Key management's record of one CHILD SA pair: what was negotiated, what was installed, its timers. */
public final class ChildSaRecord {

    /** Where a CHILD SA is in its life. */
    public enum State { INSTALLED, REKEYING, REKEYED, DELETING, DELETED }

    public final String vpn;
    public final long tunnelId;
    public final long inboundSpi;
    public final long outboundSpi;
    public final int protocol;
    public final Algorithm encryption;
    public final Algorithm integrity;
    public final Algorithm pfs;
    public final ChildProposalSpec proposal;
    public final TrafficSelector localSelector;
    public final TrafficSelector remoteSelector;
    /** The SA handed to the installer (its key arrays now belong to the data plane). */
    public final ChildSa installed;
    public final long createdMillis;
    public final long softMillis;
    public final long hardMillis;
    /** Whether we initiated the exchange that made it. */
    public final boolean initiator;
    /** Nonces of the exchange that made it (for simultaneous-rekey resolution, RFC 7296 §2.8.1). */
    public final byte[] ni;
    public final byte[] nr;
    public State state = State.INSTALLED;
    public IkeSa ikeSa;
    public Runnable softTimer;
    public Runnable hardTimer;
    /** The counters last read, for DPD's on-demand check and idle-time. */
    public long[] lastCounters = new long[4];
    public long lastActivityMillis;

    public ChildSaRecord(String vpn, long tunnelId, long inboundSpi, long outboundSpi, int protocol, Algorithm encryption,
            Algorithm integrity, Algorithm pfs, ChildProposalSpec proposal, TrafficSelector localSelector,
            TrafficSelector remoteSelector, ChildSa installed, long createdMillis, long softMillis, long hardMillis,
            boolean initiator, byte[] ni, byte[] nr) {
        this.vpn = vpn;
        this.tunnelId = tunnelId;
        this.inboundSpi = inboundSpi;
        this.outboundSpi = outboundSpi;
        this.protocol = protocol;
        this.encryption = encryption;
        this.integrity = integrity;
        this.pfs = pfs;
        this.proposal = proposal;
        this.localSelector = localSelector;
        this.remoteSelector = remoteSelector;
        this.installed = installed;
        this.createdMillis = createdMillis;
        this.softMillis = softMillis;
        this.hardMillis = hardMillis;
        this.initiator = initiator;
        this.ni = ni;
        this.nr = nr;
        this.lastActivityMillis = createdMillis;
    }

    public boolean alive() {
        return state != State.DELETED;
    }

    /** The lowest of this exchange's two nonces (unsigned, lexicographic). */
    public byte[] lowestNonce() {
        return Nonces.lower(ni, nr);
    }

    @Override
    public String toString() {
        return vpn + " " + Long.toHexString(inboundSpi) + "/" + Long.toHexString(outboundSpi) + " " + state;
    }

    /** Nonce comparison for collision resolution. */
    public static final class Nonces {
        private Nonces() {
        }

        public static byte[] lower(byte[] a, byte[] b) {
            return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
        }

        /** Whether exchange 1 (nonces a1, b1) holds the lowest of the four nonces. */
        public static boolean firstHoldsLowest(byte[] a1, byte[] b1, byte[] a2, byte[] b2) {
            return Arrays.compareUnsigned(lower(a1, b1), lower(a2, b2)) < 0;
        }
    }
}
