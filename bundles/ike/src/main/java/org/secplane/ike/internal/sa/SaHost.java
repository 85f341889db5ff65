package org.secplane.ike.internal.sa;

import java.net.InetSocketAddress;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.KeyExchange;
import org.secplane.ike.internal.auth.LocalCredentials;
import org.secplane.ike.internal.auth.PeerCertificateValidator;
import org.secplane.ike.internal.keys.RandomSource;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ipsec.SaInstaller;

/**
 * What IKE SAs and their tasks need from the engine around them. Every method is called on the IKE SA's own
 * event loop.
 */
public interface SaHost {

    CryptoRegistry crypto();

    RandomSource random();

    KeyExchange keyExchange(Algorithm group);

    long now();

    IkePolicy policy();

    LocalCredentials credentials();

    PeerCertificateValidator validator();

    SaInstaller installer();

    /** Engine tunables. */
    Settings settings();

    /** Sends a datagram from {@code local} to {@code remote} (the engine adds the non-ESP marker on 4500). */
    void send(IkeSa sa, byte[] datagram, InetSocketAddress local, InetSocketAddress remote);

    /** Runs {@code task} on the SA's loop after {@code delayMillis} unless the SA is gone; returns a canceller. */
    Runnable schedule(IkeSa sa, long delayMillis, Runnable task);

    /** A fresh, unused IKE SPI (non-zero). */
    long allocateIkeSpi();

    /** A fresh, unused inbound ESP/AH SPI. */
    long allocateChildSpi();

    /** The tunnel ID of a VPN (D-46: from 131073, stable while the VPN exists). */
    long tunnelId(String vpn);

    /** An IKE SA made by rekeying {@code old} (RFC 7296 §2.18), registered under its local SPI. */
    IkeSa rekeyedIkeSa(IkeSa old, boolean initiator, long spiI, long spiR);

    /** The SA now has both SPIs (IKE_SA_INIT done): register the responder SPI. */
    void spisKnown(IkeSa sa);

    void established(IkeSa sa);

    /** The SA is over: the engine uninstalls what is left, cancels timers and forgets it. */
    void destroy(IkeSa sa, String reason);

    /** Destroys another IKE SA (possibly on another event loop) on its own loop. */
    void destroyLater(IkeSa other, String reason);

    /** A CHILD SA was negotiated: install it and start its lifetimes. */
    void childEstablished(IkeSa sa, ChildSaRecord child, boolean rekey);

    /** A CHILD SA is gone: uninstall it (if installed) and forget it. */
    void childRemoved(IkeSa sa, ChildSaRecord child);

    /** Records why authentication with a gateway failed (kept for {@code show}, logged without secrets). */
    void authenticationFailed(IkeSa sa, String reason);

    /** A CHILD SA negotiation failed (kept per VPN for {@code show}). */
    void childFailed(IkeSa sa, String vpn, String reason);

    /**
     * Other live IKE SAs between the same identities as {@code sa} (any gateway): our ID as sent, and the peer's ID
     * (before it is known: the configured remote identity, else the peer's address). RFC 7296 §3.10.1:
     * INITIAL_CONTACT asserts there is no other IKE SA between the authenticated identities, so it is sent only
     * when this is empty, and one received replaces these.
     */
    List<IkeSa> sameIdentities(IkeSa sa);

    /**
     * Whether another IKE SA with the peer of {@code sa} (same address) is still being negotiated: its identities are
     * not settled yet, so they may be those of {@code sa}. An initiator then sends no INITIAL_CONTACT: SAs brought up
     * together (establish-tunnels immediately after a clear, several gateways between the same identities) would
     * otherwise each assert being the only one, and the peer would delete those that finished first.
     */
    boolean othersNegotiatingWith(IkeSa sa);

    /** Counts a message dropped at protocol level. */
    void dropped(IkeSa sa, String reason);

    /** Engine tunables the protocol needs. */
    final class Settings {
        public int ikePort = 500;
        public int natTPort = 4500;
        public long retransmitTimeoutMillis = 4000;
        public double retransmitBase = 1.8;
        public int retransmitTries = 5;
        public int fragmentSize = 1280;
        public long halfOpenTimeoutMillis = 30_000;
        public int cookieThreshold = 30;
        public int cookieThresholdPerIp = 10;
        public int nonceSize = 32;
        public long rekeyRetryMillis = 10_000;
        public boolean sendInitialContact = true;
        /** RFC 7427 hash algorithms announced (SIGNATURE_HASH_ALGORITHMS) when certificates are used. */
        public int[] signatureHashes = {2, 3, 4};
        /** Duplicate IKE SAs from simultaneous initiation: keep one (the other's initiator deletes it). */
        public boolean resolveDuplicates = true;
    }
}
