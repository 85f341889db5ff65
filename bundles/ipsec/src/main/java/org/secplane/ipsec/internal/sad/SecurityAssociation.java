package org.secplane.ipsec.internal.sad;

import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Mac;
import org.secplane.ipsec.internal.esp.AeadTransform;
import org.secplane.ipsec.internal.esp.CipherMacTransform;
import org.secplane.ipsec.internal.esp.EspTransform;

/**
 * One direction of an SA pair: its SPI, keys, packet counter or replay window, and statistics.
 *
 * <p><b>Threads.</b> An inbound SA is worked on by the one thread that receives its packets (the raw port
 * of its local address, or key management's NAT-T port); an outbound SA by the reader of its tunnel
 * interface. So the counters are plain fields with a single writer; {@code show} reads them as they are, and
 * {@code clear} does not write them but records what they were ({@link #clearStatistics}).
 *
 * <p><b>Memory.</b> The crypto objects are made at the first packet in this direction, from the key bytes
 * kept until then (and wiped after): an installed tunnel that carries no traffic holds no cipher state.
 */
public final class SecurityAssociation {

    /** Statistic indexes of {@link #statistics()}. */
    public static final int PACKETS = 0;
    public static final int BYTES = 1;
    public static final int AUTHENTICATION_FAILURES = 2;
    public static final int REPLAY_ERRORS = 3;
    public static final int DECRYPTION_FAILURES = 4;
    public static final int BAD_HEADERS = 5;
    public static final int BAD_TRAILERS = 6;
    public static final int STATISTICS = 7;

    private final SaPair pair;
    private final boolean inbound;
    private final long spi;
    private byte[] encryptionKey;
    private byte[] integrityKey;
    private EspTransform esp;
    private Mac ah;
    private final ReplayWindow replay;

    /** Outbound: the sequence number of the last packet sent. */
    private long sequence;
    /** Outbound: added to the sequence number to make the IV of counter modes (0 but in tests). */
    private long ivOffset;

    private long packets;
    private long bytes;
    private long authenticationFailures;
    private long replayErrors;
    private long decryptionFailures;
    private long badHeaders;
    private long badTrailers;
    private volatile long[] cleared;

    private boolean softVolumeReported;
    private boolean hardVolumeReported;
    private volatile boolean unusable;

    SecurityAssociation(SaPair pair, boolean inbound, long spi, byte[] encryptionKey, byte[] integrityKey, int replayWindow) {
        this.pair = pair;
        this.inbound = inbound;
        this.spi = spi;
        this.encryptionKey = encryptionKey;
        this.integrityKey = integrityKey;
        this.replay = inbound && replayWindow > 0 ? new ReplayWindow(replayWindow) : null;
    }

    public SaPair pair() {
        return pair;
    }

    public boolean inbound() {
        return inbound;
    }

    public long spi() {
        return spi;
    }

    public int protocol() {
        return pair.protocol();
    }

    /** The ESP transform, made at the first use (on the calling packet thread). */
    public EspTransform esp(CryptoRegistry crypto) {
        EspTransform transform = esp;
        if (transform == null) {
            transform = makeEsp(crypto);
            esp = transform;
        }
        return transform;
    }

    /** AH's keyed MAC, made at the first use. */
    public Mac ah(CryptoRegistry crypto) {
        Mac mac = ah;
        if (mac == null) {
            mac = crypto.mac(pair.integrity(), integrityKey);
            wipeKeys();
            ah = mac;
        }
        return mac;
    }

    private EspTransform makeEsp(CryptoRegistry crypto) {
        Algorithm encryption = pair.encryption();
        Algorithm integrity = pair.integrity();
        EspTransform transform;
        if (encryption != null && encryption.type() == AlgorithmType.AEAD) {
            transform = new AeadTransform(crypto.aead(encryption, encryptionKey));
        } else {
            transform = new CipherMacTransform(encryption == null ? null : crypto.cipher(encryption, encryptionKey),
                    integrity == null ? null : crypto.mac(integrity, integrityKey));
        }
        wipeKeys();
        return transform;
    }

    /** Whether the crypto objects exist yet (for the memory benchmark and tests). */
    public boolean hasCryptoState() {
        return esp != null || ah != null;
    }

    /** The anti-replay window, or {@code null} when anti-replay is off for this SA. */
    public ReplayWindow replay() {
        return replay;
    }

    /** Outbound: the next sequence number, or -1 when the 32-bit space is used up (RFC 4303 §3.3.3). */
    public long nextSequence() {
        long next = sequence + 1;
        if (next > 0xffffffffL) {
            if (!pair.mayCycleSequence()) {
                return -1;
            }
            next = 0; // manual SAs without anti-replay: the counter rolls over (RFC 4303 §3.3.3)
        }
        sequence = next;
        return next;
    }

    public long sequence() {
        return sequence;
    }

    /** Sets the last sequence number sent (tests of overflow; known-answer packets). */
    public void startSequence(long last, long ivOffsetForTests) {
        this.sequence = last;
        this.ivOffset = ivOffsetForTests;
    }

    public long ivOffset() {
        return ivOffset;
    }

    /**
     * Counts a packet of {@code length} bytes (the protected IP packet) and checks the volume lifetime; tells
     * the pair's owner once about the soft and the hard limit. Returns false when the hard limit is reached:
     * the SA may not be used for more packets.
     */
    public boolean account(int length) {
        packets++;
        long total = bytes + length;
        bytes = total;
        long soft = pair.softBytes();
        if (soft > 0 && total >= soft && !softVolumeReported) {
            softVolumeReported = true;
            pair.owner().volumeReached(pair, false);
        }
        long hard = pair.hardBytes();
        if (hard > 0 && total >= hard) {
            if (!hardVolumeReported) {
                hardVolumeReported = true;
                unusable = true;
                pair.owner().volumeReached(pair, true);
            }
            return false;
        }
        return true;
    }

    /** Marks the SA as not to be used any more (hard lifetime, sequence numbers used up). */
    public void markUnusable() {
        unusable = true;
    }

    public boolean usable() {
        return !unusable;
    }

    public boolean softVolumeReported() {
        return softVolumeReported;
    }

    public void authenticationFailure() {
        authenticationFailures++;
    }

    public void replayError() {
        replayErrors++;
    }

    public void decryptionFailure() {
        decryptionFailures++;
    }

    public void badHeader() {
        badHeaders++;
    }

    public void badTrailer() {
        badTrailers++;
    }

    /** Raw counters (for the volume lifetime and {@code SaInstaller.counters}: not reset by clear). */
    public long bytes() {
        return bytes;
    }

    public long packets() {
        return packets;
    }

    /** The statistics since the last {@link #clearStatistics}, by the index constants. */
    public long[] statistics() {
        long[] now = {packets, bytes, authenticationFailures, replayErrors, decryptionFailures, badHeaders, badTrailers};
        long[] base = cleared;
        if (base != null) {
            for (int i = 0; i < now.length; i++) {
                now[i] -= base[i];
            }
        }
        return now;
    }

    /** {@code clear security ipsec statistics}: from now on counted from zero (the writer thread is not disturbed). */
    public void clearStatistics() {
        cleared = new long[] {packets, bytes, authenticationFailures, replayErrors, decryptionFailures, badHeaders,
            badTrailers};
    }

    private void wipeKeys() {
        if (encryptionKey != null) {
            Arrays.fill(encryptionKey, (byte) 0);
            encryptionKey = null;
        }
        if (integrityKey != null) {
            Arrays.fill(integrityKey, (byte) 0);
            integrityKey = null;
        }
    }

    /**
     * Wipes the keys and closes the crypto objects. Called only once no packet thread can be using them
     * (some time after the SA left the tables), never while one might be half way through a packet.
     */
    void destroy() {
        unusable = true;
        wipeKeys();
        EspTransform transform = esp;
        esp = null;
        if (transform != null) {
            transform.close();
        }
        Mac mac = ah;
        ah = null;
        if (mac != null) {
            mac.close();
        }
    }

    @Override
    public String toString() {
        return (inbound ? "inbound " : "outbound ") + (protocol() == SaPair.AH ? "AH" : "ESP") + " SPI "
                + Long.toHexString(spi) + " of tunnel " + pair.tunnelId();
    }
}
