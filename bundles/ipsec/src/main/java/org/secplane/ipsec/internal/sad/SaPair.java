package org.secplane.ipsec.internal.sad;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.internal.spd.Selector;

/**
 * An installed SA pair (one tunnel's inbound and outbound SA) with what the packet path needs precomputed:
 * selectors as numbers, the NAT-T socket addresses, the volume limits in bytes. Made from a {@link ChildSa}
 * by {@link #of}, which refuses a pair the data plane cannot carry, naming why.
 */
public final class SaPair {

    public static final int ESP = 50;
    public static final int AH = 51;

    /** The largest anti-replay window accepted (a bitmap of 8 KiB). */
    public static final int MAX_REPLAY_WINDOW = 65536;

    private final ChildSa sa;
    private final SaEvents owner;
    private final Algorithm encryption;
    private final Algorithm integrity;
    private final boolean anyLocal;
    private final byte[] localAddress;
    private final byte[] remoteAddress;
    private final InetSocketAddress localSocket;
    private final InetSocketAddress remoteSocket;
    private final Selector[] localSelectors;
    private final Selector[] remoteSelectors;
    private final long softBytes;
    private final long hardBytes;
    private final long installedNanos;
    private final long installedMillis;
    private final SecurityAssociation inbound;
    private final SecurityAssociation outbound;
    private final boolean replayProtected;
    /** The data plane's handle for this pair's route and send port (set by the data plane). */
    private volatile Object binding;
    private volatile long removedNanos;

    private SaPair(ChildSa sa, SaEvents owner, long installedNanos, long installedMillis) {
        this.sa = sa;
        this.owner = owner;
        this.encryption = sa.encryption();
        this.integrity = sa.integrity();
        this.anyLocal = sa.local().isAnyLocalAddress();
        this.localAddress = sa.local().getAddress();
        this.remoteAddress = sa.remote().getAddress();
        this.localSocket = sa.localPort() == 0 ? null : new InetSocketAddress(sa.local(), sa.localPort());
        this.remoteSocket = sa.remotePort() == 0 ? null : new InetSocketAddress(sa.remote(), sa.remotePort());
        this.localSelectors = selectors(sa.localSelectors());
        this.remoteSelectors = selectors(sa.remoteSelectors());
        long hardKb = sa.lifetime().hardKilobytes();
        long softKb = sa.lifetime().softKilobytes();
        this.hardBytes = hardKb * 1024;
        this.softBytes = softKb > 0 ? softKb * 1024 : 0;
        this.installedNanos = installedNanos;
        this.installedMillis = installedMillis;
        boolean authenticated = sa.protocol() == AH || integrity != null
                || (encryption != null && encryption.type() == AlgorithmType.AEAD);
        // anti-replay needs authenticated sequence numbers (RFC 4303 §3.4.3) and, for manual SAs, a peer that
        // never restarts its counter: RFC 4303 §3.3.3 leaves it off there, so does secplane (see ManualSaPlan)
        this.replayProtected = authenticated && sa.replayWindow() > 0 && sa.origin() != ChildSa.Origin.MANUAL;
        this.inbound = new SecurityAssociation(this, true, sa.inboundSpi(), sa.inboundEncryptionKey(),
                sa.inboundIntegrityKey(), replayProtected ? sa.replayWindow() : 0);
        this.outbound = new SecurityAssociation(this, false, sa.outboundSpi(), sa.outboundEncryptionKey(),
                sa.outboundIntegrityKey(), 0);
    }

    /**
     * Checks {@code sa} and makes the pair. Throws {@link IllegalArgumentException} naming what is wrong
     * (protocol, algorithms, key lengths, SPIs, endpoints, encapsulation, replay window); nothing is kept then.
     */
    public static SaPair of(ChildSa sa, SaEvents owner, long installedNanos, long installedMillis) {
        String what = "SA pair of " + (sa.vpn() == null ? "tunnel " + sa.tunnelId() : "VPN " + sa.vpn());
        if (sa.protocol() != ESP && sa.protocol() != AH) {
            throw new IllegalArgumentException(what + ": protocol " + sa.protocol() + " is neither ESP (50) nor AH (51)");
        }
        Algorithm encryption = sa.encryption();
        Algorithm integrity = sa.integrity();
        if (sa.protocol() == AH) {
            if (encryption != null) {
                throw new IllegalArgumentException(what + ": AH authenticates only; it takes no encryption algorithm ("
                        + encryption.label() + ")");
            }
            if (integrity == null) {
                throw new IllegalArgumentException(what + ": AH needs an integrity algorithm");
            }
            if (sa.localPort() != 0 || sa.remotePort() != 0) {
                throw new IllegalArgumentException(what + ": AH cannot be UDP-encapsulated (it authenticates the outer "
                        + "addresses a NAT changes)");
            }
        } else if (encryption == null && integrity == null) {
            throw new IllegalArgumentException(what + ": ESP needs an encryption algorithm, an integrity algorithm or both");
        }
        if (encryption != null) {
            if (encryption.type() != AlgorithmType.CIPHER && encryption.type() != AlgorithmType.AEAD) {
                throw new IllegalArgumentException(what + ": " + encryption.label() + " is not an ESP encryption algorithm");
            }
            if (encryption.type() == AlgorithmType.AEAD && integrity != null) {
                throw new IllegalArgumentException(what + ": " + encryption.label() + " authenticates itself; it takes "
                        + "no integrity algorithm (" + integrity.label() + ")");
            }
            int keyLength = encryption.keySize() + encryption.saltSize();
            checkKey(what, "inbound encryption", sa.inboundEncryptionKey(), keyLength, encryption);
            checkKey(what, "outbound encryption", sa.outboundEncryptionKey(), keyLength, encryption);
        }
        if (integrity != null) {
            if (integrity.type() != AlgorithmType.INTEGRITY) {
                throw new IllegalArgumentException(what + ": " + integrity.label() + " is not an integrity algorithm");
            }
            checkKey(what, "inbound integrity", sa.inboundIntegrityKey(), integrity.keySize(), integrity);
            checkKey(what, "outbound integrity", sa.outboundIntegrityKey(), integrity.keySize(), integrity);
        }
        checkSpi(what, "inbound", sa.inboundSpi());
        checkSpi(what, "outbound", sa.outboundSpi());
        if ((sa.local() instanceof Inet4Address) != (sa.remote() instanceof Inet4Address)) {
            throw new IllegalArgumentException(what + ": local " + sa.local().getHostAddress() + " and remote "
                    + sa.remote().getHostAddress() + " are of different address families");
        }
        if (sa.remote().isAnyLocalAddress()) {
            throw new IllegalArgumentException(what + ": the remote endpoint cannot be the wildcard address");
        }
        if ((sa.localPort() == 0) != (sa.remotePort() == 0) || sa.localPort() < 0 || sa.localPort() > 65535
                || sa.remotePort() < 0 || sa.remotePort() > 65535) {
            throw new IllegalArgumentException(what + ": UDP encapsulation needs both ports in 1..65535 (or neither), not "
                    + sa.localPort() + " and " + sa.remotePort());
        }
        if (sa.localPort() != 0 && sa.local().isAnyLocalAddress()) {
            throw new IllegalArgumentException(what + ": UDP encapsulation needs the local address, not the wildcard");
        }
        if (sa.replayWindow() < 0 || sa.replayWindow() > MAX_REPLAY_WINDOW) {
            throw new IllegalArgumentException(what + ": replay window " + sa.replayWindow() + " is outside 0.."
                    + MAX_REPLAY_WINDOW);
        }
        if (sa.lifetime().hardSeconds() < 0 || sa.lifetime().hardKilobytes() < 0 || sa.lifetime().softKilobytes() < 0
                || sa.lifetime().softSeconds() < 0) {
            throw new IllegalArgumentException(what + ": negative lifetime");
        }
        checkSelectors(what, "local", sa.localSelectors());
        checkSelectors(what, "remote", sa.remoteSelectors());
        return new SaPair(sa, owner, installedNanos, installedMillis);
    }

    private static void checkKey(String what, String which, byte[] key, int length, Algorithm algorithm) {
        if (key == null || key.length != length) {
            throw new IllegalArgumentException(what + ": the " + which + " key of " + algorithm.label() + " must be "
                    + length + " bytes" + (algorithm.saltSize() > 0 ? " (key and " + algorithm.saltSize() + "-byte salt)" : "")
                    + ", not " + (key == null ? "missing" : key.length));
        }
    }

    private static void checkSpi(String what, String which, long spi) {
        if (spi < 256 || spi > 0xffffffffL) {
            throw new IllegalArgumentException(what + ": the " + which + " SPI " + spi + " is outside 256..4294967295 "
                    + "(0 is no SPI, 1..255 are reserved by IANA)");
        }
    }

    private static void checkSelectors(String what, String side, List<TrafficSelector> selectors) {
        for (TrafficSelector selector : selectors) {
            if (selector.startPort() > selector.endPort() || selector.startPort() < 0 || selector.endPort() > 65535) {
                throw new IllegalArgumentException(what + ": " + side + " traffic selector " + selector
                        + " has an invalid port range");
            }
        }
    }

    /** No selectors means every address, both families (manual SAs); shared, as they never change. */
    private static final Selector[] EVERYTHING = {Selector.of(TrafficSelector.ofPrefix("0.0.0.0/0")),
        Selector.of(TrafficSelector.ofPrefix("::/0"))};

    private static Selector[] selectors(List<TrafficSelector> selectors) {
        if (selectors.isEmpty()) {
            return EVERYTHING;
        }
        Selector[] out = new Selector[selectors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Selector.of(selectors.get(i));
        }
        return out;
    }

    public ChildSa childSa() {
        return sa;
    }

    public SaEvents owner() {
        return owner;
    }

    public long tunnelId() {
        return sa.tunnelId();
    }

    public String vpn() {
        return sa.vpn();
    }

    public int protocol() {
        return sa.protocol();
    }

    public Algorithm encryption() {
        return encryption;
    }

    public Algorithm integrity() {
        return integrity;
    }

    public InetAddress local() {
        return sa.local();
    }

    /** Whether the pair accepts packets to any local address (a manual SA whose interface has no address). */
    public boolean anyLocal() {
        return anyLocal;
    }

    public InetAddress remote() {
        return sa.remote();
    }

    /** The local address's bytes (for headers the packet path builds; not to be changed). */
    public byte[] localAddressBytes() {
        return localAddress;
    }

    public byte[] remoteAddressBytes() {
        return remoteAddress;
    }

    public boolean ipv4() {
        return remoteAddress.length == 4;
    }

    public boolean udpEncapsulated() {
        return localSocket != null;
    }

    public InetSocketAddress localSocket() {
        return localSocket;
    }

    public InetSocketAddress remoteSocket() {
        return remoteSocket;
    }

    public boolean tunnelMode() {
        return sa.tunnelMode();
    }

    public ChildSa.DfBit dfBit() {
        return sa.dfBit();
    }

    public Selector[] localSelectors() {
        return localSelectors;
    }

    public Selector[] remoteSelectors() {
        return remoteSelectors;
    }

    public boolean replayProtected() {
        return replayProtected;
    }

    /** Manual SAs without anti-replay let the sequence number roll over; negotiated ones must be rekeyed. */
    public boolean mayCycleSequence() {
        return sa.origin() == ChildSa.Origin.MANUAL;
    }

    public long softBytes() {
        return softBytes;
    }

    public long hardBytes() {
        return hardBytes;
    }

    public long installedNanos() {
        return installedNanos;
    }

    public long installedMillis() {
        return installedMillis;
    }

    public SecurityAssociation inbound() {
        return inbound;
    }

    public SecurityAssociation outbound() {
        return outbound;
    }

    public Object binding() {
        return binding;
    }

    public void bind(Object dataPlaneBinding) {
        this.binding = dataPlaneBinding;
    }

    /** Whether the pair is still usable for sending. */
    public boolean usable() {
        return removedNanos == 0 && outbound.usable();
    }

    public boolean removed() {
        return removedNanos != 0;
    }

    /** Marks the pair removed (the packet path stops using it at its next look); its crypto is closed later. */
    public void markRemoved(long nanos) {
        removedNanos = nanos == 0 ? 1 : nanos;
        inbound.markUnusable();
        outbound.markUnusable();
    }

    public long removedNanos() {
        return removedNanos;
    }

    /** Wipes keys and closes crypto state, once no packet thread can be inside it any more. */
    public void destroy() {
        inbound.destroy();
        outbound.destroy();
    }

    /** Zeroes key arrays the pair was given but never used (an install that failed after {@link #of}). */
    public static void wipe(ChildSa sa) {
        for (byte[] key : new byte[][] {sa.inboundEncryptionKey(), sa.inboundIntegrityKey(), sa.outboundEncryptionKey(),
            sa.outboundIntegrityKey()}) {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "tunnel " + tunnelId() + (vpn() == null ? "" : " (" + vpn() + ")") + " " + local().getHostAddress() + " <-> "
                + remote().getHostAddress();
    }
}
