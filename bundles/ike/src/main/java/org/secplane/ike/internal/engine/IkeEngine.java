package org.secplane.ike.internal.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.KeyExchange;
import org.secplane.ike.internal.auth.LocalCredentials;
import org.secplane.ike.internal.auth.PeerCertificateValidator;
import org.secplane.ike.internal.keys.Algorithms;
import org.secplane.ike.internal.keys.RandomSource;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.MessageCodec;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.message.ParseException;
import org.secplane.ike.internal.message.Payload;
import org.secplane.ike.internal.policy.Identity;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.Selectors;
import org.secplane.ike.internal.policy.VpnConfig;
import org.secplane.ike.internal.sa.ChildSaRecord;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.IkeSaState;
import org.secplane.ike.internal.sa.SaHost;
import org.secplane.ike.internal.task.ChildCreateTask;
import org.secplane.ike.internal.task.ChildDeleteTask;
import org.secplane.ike.internal.task.IkeAuthTask;
import org.secplane.ike.internal.task.IkeDeleteTask;
import org.secplane.ike.internal.task.IkeDpdTask;
import org.secplane.ike.internal.task.IkeInitTask;
import org.secplane.ike.internal.task.IkeNatdTask;
import org.secplane.ike.internal.task.IkeRekeyTask;
import org.secplane.ike.internal.task.InvalidSpiTask;
import org.secplane.ike.internal.task.TaskManager;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.KeyManager;
import org.secplane.ipsec.SaInstaller;
import org.secplane.ipsec.TrafficSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IKEv2 engine: plain Java, built from collaborators (transport, SA installer, crypto registry, clock and
 * scheduler, randomness, key exchanges, credentials, certificate validator, event loops). The OSGi adapter
 * feeds it committed configurations ({@link #apply}) and received datagrams ({@link #receive}); operators ask
 * it for {@link #ikeSecurityAssociations()}, {@link #childSecurityAssociations()}, counters and failures, and
 * clear SAs. It is the data plane's {@link KeyManager}.
 *
 * <p>IKE SAs are partitioned over the event loops by SPI; one SA's events run on its loop only. Public
 * methods may be called from any thread; they return at once (work happens on the loops) except the
 * snapshot methods, which wait for the loops briefly.
 */
public final class IkeEngine implements KeyManager, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IkeEngine.class);
    /** D-46: IPsec tunnel IDs start here. */
    public static final long FIRST_TUNNEL_ID = 131073;

    private final IkeTransport transport;
    private final SaInstaller installer;
    private final CryptoRegistry crypto;
    private final IkeClock clock;
    private final IkeScheduler scheduler;
    private final boolean ownScheduler;
    private final RandomSource random;
    private final KeyExchangeFactory keyExchanges;
    private final LocalCredentials credentials;
    private final PeerCertificateValidator validator;
    private final EventLoops loops;
    private final boolean ownLoops;
    private final SaHost.Settings settings;
    private final long reinitiateDelayMillis;
    private final long retryDelayMillis;
    private final Host host = new Host();
    private final Cookies cookies;

    private volatile IkePolicy policy = IkePolicy.EMPTY;
    private volatile boolean closed;
    private final Map<Long, IkeSa> bySpi = new ConcurrentHashMap<>();
    private final Map<InitKey, IkeSa> byInit = new ConcurrentHashMap<>();
    private final Set<IkeSa> halfOpen = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, AtomicInteger> halfOpenPerIp = new ConcurrentHashMap<>();
    private final Set<IkeSa> all = ConcurrentHashMap.newKeySet();
    private final Map<Long, ChildSaRecord> childByInbound = new ConcurrentHashMap<>();
    private final Map<String, Long> tunnelIds = new ConcurrentHashMap<>();
    private final AtomicLong nextTunnelId = new AtomicLong(FIRST_TUNNEL_ID);
    private final AtomicInteger nextIndex = new AtomicInteger(1);
    private final Map<String, PeerState> peers = new ConcurrentHashMap<>();
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private final Map<String, AuthFailure> authFailures = new ConcurrentHashMap<>();
    private final Map<String, String> childFailures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> badSpiCounts = new ConcurrentHashMap<>();

    private IkeEngine(Builder b) {
        this.transport = Objects.requireNonNull(b.transport, "transport");
        this.installer = Objects.requireNonNull(b.installer, "installer");
        this.crypto = Objects.requireNonNull(b.crypto, "crypto");
        this.clock = b.clock != null ? b.clock : IkeClock.SYSTEM;
        this.ownScheduler = b.scheduler == null;
        this.scheduler = b.scheduler != null ? b.scheduler : IkeScheduler.threaded();
        this.random = b.random != null ? b.random : RandomSource.of(crypto.random());
        this.keyExchanges = b.keyExchanges != null ? b.keyExchanges : KeyExchangeFactory.of(crypto);
        this.credentials = b.credentials != null ? b.credentials : LocalCredentials.NONE;
        this.validator = b.validator != null ? b.validator : PeerCertificateValidator.NONE;
        this.ownLoops = b.loops == null;
        this.loops = b.loops != null ? b.loops : EventLoops.threads(Math.max(1, Runtime.getRuntime().availableProcessors()));
        this.settings = b.settings != null ? b.settings : new SaHost.Settings();
        this.reinitiateDelayMillis = b.reinitiateDelayMillis;
        this.retryDelayMillis = b.retryDelayMillis;
        for (DropReason r : DropReason.values()) {
            drops.put(r, new LongAdder());
        }
        this.cookies = new Cookies(crypto, random, clock.millis());
    }

    public static Builder builder() {
        return new Builder();
    }

    // ====================================================================== configuration

    /**
     * Takes a newly committed configuration, with the side effects of D-42: a removed gateway or VPN loses its
     * SAs; a gateway whose addresses, identities, external interface or version changed has its IKE SAs (and
     * their CHILD SAs) cleared; a VPN whose Phase 2 parameters changed (proposals, PFS, proxy-identity,
     * bind-interface, df-bit, gateway, anti-replay) has its CHILD SAs deleted; other gateway changes apply at
     * the next negotiation; VPNs with {@code establish-tunnels immediately} are brought up.
     */
    public void apply(IkePolicy next) {
        IkePolicy previous = this.policy;
        this.policy = next;
        for (String vpn : new ArrayList<>(tunnelIds.keySet())) {
            if (!next.vpns.containsKey(vpn)) {
                tunnelIds.remove(vpn);
            }
        }
        for (IkeSa sa : all) {
            loops.execute(sa.partition, () -> reconcile(sa, previous, next));
        }
        for (VpnConfig vpn : next.vpns.values()) {
            if (vpn.establishImmediately) {
                initiate(vpn.name);
            }
        }
    }

    private void reconcile(IkeSa sa, IkePolicy previous, IkePolicy next) {
        if (!sa.alive()) {
            return;
        }
        PeerConfig now = next.gateways.get(sa.gateway);
        if (now == null) {
            clear(sa, "gateway " + sa.gateway + " removed from the configuration");
            return;
        }
        if (!now.sameEndpointsAndIdentities(sa.peer)) {
            sa.peer = now;
            clear(sa, "gateway " + sa.gateway + " address, identities, external interface or version changed");
            return;
        }
        sa.peer = now;
        for (ChildSaRecord child : new ArrayList<>(sa.children)) {
            VpnConfig v = next.vpns.get(child.vpn);
            VpnConfig before = previous.vpns.get(child.vpn);
            if (v == null || !v.gateway.equals(sa.gateway)) {
                deleteChild(sa, child);
            } else if (before != null && !before.samePhase2(v)) {
                deleteChild(sa, child);
                if (v.establishImmediately && !sa.tasks.negotiating(v.name)) {
                    sa.tasks.queue(ChildCreateTask.initiate(sa, v.name, false));
                }
            }
        }
        sa.tasks.initiate();
    }

    private void deleteChild(IkeSa sa, ChildSaRecord child) {
        if (!child.alive() || child.state == ChildSaRecord.State.DELETING) {
            return;
        }
        if (sa.established()) {
            sa.tasks.queueFirst(new ChildDeleteTask(sa, child));
        } else {
            host.childRemoved(sa, child);
        }
    }

    /** Deletes an IKE SA with a Delete to the peer when it is up, else drops it at once. */
    private void clear(IkeSa sa, String why) {
        if (sa.state == IkeSaState.ESTABLISHED || sa.state == IkeSaState.REKEYED) {
            if (!sa.tasks.has(IkeDeleteTask.class)) {
                sa.tasks.abortAll(why);
                sa.tasks.queue(new IkeDeleteTask(sa, why));
                sa.tasks.initiate();
            }
        } else {
            host.destroy(sa, why);
        }
    }

    /** Now, on the engine's clock (the time base of {@link AuthFailure#timeMillis()}). */
    public long now() {
        return clock.millis();
    }

    /** The configuration in effect. */
    public IkePolicy policy() {
        return policy;
    }

    // ====================================================================== operations

    /**
     * Brings up VPN {@code name} (its IKE SA first if needed). Returns false when the VPN or its gateway is
     * not configured or the gateway has no address to initiate to.
     */
    public boolean initiate(String name) {
        VpnConfig vpn = policy.vpns.get(name);
        if (vpn == null || closed) {
            return false;
        }
        PeerConfig gw = policy.gateways.get(vpn.gateway);
        if (gw == null || gw.addresses.isEmpty() || gw.version != 2) {
            return false;
        }
        PeerState ps = peers.computeIfAbsent(gw.name, k -> new PeerState());
        IkeSa sa;
        boolean fresh = false;
        synchronized (ps) {
            sa = ps.current;
            if (sa == null || !usable(sa)) {
                sa = newInitiator(gw, ps.addressIndex, name);
                ps.current = sa;
                fresh = true;
            }
        }
        IkeSa target = sa;
        if (fresh) {
            loops.execute(target.partition, () -> target.tasks.initiate());
        } else {
            loops.execute(target.partition, () -> addChild(target, name));
        }
        return true;
    }

    private static boolean usable(IkeSa sa) {
        IkeSaState s = sa.state;
        return s == IkeSaState.CREATED || s == IkeSaState.CONNECTING || s == IkeSaState.AUTHENTICATING
                || s == IkeSaState.ESTABLISHED;
    }

    private void addChild(IkeSa sa, String vpn) {
        if (!usable(sa)) {
            IkeSa next = sa.replacedBy;
            if (next != null && next.alive()) {
                addChild(next, vpn);
            } else {
                initiate(vpn);
            }
            return;
        }
        if (sa.tasks.negotiating(vpn)) {
            return;
        }
        for (ChildSaRecord c : sa.children) {
            if (c.vpn.equals(vpn) && (c.state == ChildSaRecord.State.INSTALLED || c.state == ChildSaRecord.State.REKEYING)) {
                return;
            }
        }
        sa.tasks.queue(ChildCreateTask.initiate(sa, vpn, false));
        sa.tasks.initiate();
    }

    private IkeSa newInitiator(PeerConfig gw, int addressIndex, String vpn) {
        long spi = host.allocateIkeSpi();
        IkeSa sa = new IkeSa(nextIndex.getAndIncrement(), partition(spi), true, gw.name, host, clock.millis());
        sa.peer = gw;
        sa.spiI = spi;
        sa.addressIndex = addressIndex % gw.addresses.size();
        InetAddress remoteAddress = gw.addresses.get(sa.addressIndex);
        InetAddress localAddress = gw.localAddress != null ? gw.localAddress : transport.sourceFor(remoteAddress);
        if (localAddress == null) {
            localAddress = wildcard(remoteAddress);
        }
        sa.local = new InetSocketAddress(localAddress, settings.ikePort);
        sa.remote = new InetSocketAddress(gw.addresses.get(sa.addressIndex), settings.ikePort);
        sa.tasks = new TaskManager(sa);
        sa.tasks.queue(new IkeInitTask(sa));
        sa.tasks.queue(new IkeNatdTask(sa));
        sa.tasks.queue(new IkeAuthTask(sa));
        if (vpn != null) {
            sa.tasks.queue(ChildCreateTask.initiate(sa, vpn, true));
        }
        bySpi.put(spi, sa);
        all.add(sa);
        if (LOG.isInfoEnabled()) {
            LOG.info("IKE SA {} to gateway {} ({}): initiating", sa.index, gw.name, sa.remote);
        }
        return sa;
    }

    private static InetAddress wildcard(InetAddress like) {
        try {
            return InetAddress.getByAddress(new byte[like.getAddress().length]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private int partition(long spi) {
        long h = spi * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(h ^ (h >>> 32), (long) loops.size());
    }

    /**
     * Clears IKE SAs (and, IKEv2, their CHILD SAs; ¶198) matching the filter: all of them, a peer address
     * (with an optional port), an index, or an address family. Returns how many were cleared.
     */
    public int clearIkeSecurityAssociations(IkeSaFilter filter) {
        int n = 0;
        for (IkeSa sa : all) {
            if (filter.test(sa.index, sa.remote, sa.gateway)) {
                n++;
                loops.execute(sa.partition, () -> {
                    if (sa.alive()) {
                        clear(sa, "cleared by the operator");
                    }
                });
            }
        }
        return n;
    }

    /** Deletes CHILD SA pairs: all ({@code tunnelId} 0) or those of one tunnel ID. Returns how many. */
    public int clearChildSecurityAssociations(long tunnelId) {
        int n = 0;
        for (ChildSaRecord c : childByInbound.values()) {
            if (tunnelId == 0 || c.tunnelId == tunnelId) {
                n++;
                IkeSa sa = c.ikeSa;
                loops.execute(sa.partition, () -> {
                    IkeSa owner = c.ikeSa;
                    if (c.alive() && owner.alive()) {
                        deleteChild(owner, c);
                        owner.tasks.initiate();
                    }
                });
            }
        }
        return n;
    }

    /** Rekeys the IKE SA with this index now (as at its soft lifetime). Returns false when there is none. */
    public boolean rekeyIkeSecurityAssociation(int index) {
        for (IkeSa sa : all) {
            if (sa.index == index) {
                loops.execute(sa.partition, () -> guard(() -> {
                    if (sa.established() && !sa.tasks.has(IkeRekeyTask.class)) {
                        sa.tasks.queue(new IkeRekeyTask(sa));
                        sa.tasks.initiate();
                    }
                }));
                return true;
            }
        }
        return false;
    }

    /** Rekeys the CHILD SAs of a tunnel now (as at their soft lifetime). Returns how many. */
    public int rekeyChildSecurityAssociations(long tunnelId) {
        int n = 0;
        for (ChildSaRecord c : childByInbound.values()) {
            if (c.tunnelId == tunnelId && c.state == ChildSaRecord.State.INSTALLED) {
                n++;
                loops.execute(c.ikeSa.partition, () -> guard(() -> childSoft(c)));
            }
        }
        return n;
    }

    /** Which IKE SAs {@code clear security ike security-associations} selects. */
    public static final class IkeSaFilter {
        private final InetAddress peer;
        private final int port;
        private final int index;
        private final int family;

        private IkeSaFilter(InetAddress peer, int port, int index, int family) {
            this.peer = peer;
            this.port = port;
            this.index = index;
            this.family = family;
        }

        public static IkeSaFilter all() {
            return new IkeSaFilter(null, 0, 0, 0);
        }

        /** {@code port} 0 = any port. */
        public static IkeSaFilter peer(InetAddress address, int port) {
            return new IkeSaFilter(address, port, 0, 0);
        }

        public static IkeSaFilter index(int index) {
            return new IkeSaFilter(null, 0, index, 0);
        }

        /**
         * All criteria at once: {@code peer} ({@code null} = any) with {@code port} (0 = any), {@code index} (0 =
         * any), {@code family} 4 or 6 (0 = any).
         */
        public static IkeSaFilter of(InetAddress peer, int port, int index, int family) {
            return new IkeSaFilter(peer, port, index, family);
        }

        /** Whether an SA snapshot passes the filter. */
        public boolean test(IkeSaInfo sa) {
            return test(sa.index(), sa.remote(), sa.gateway());
        }

        /** {@code family inet} (4) or {@code inet6} (6). */
        public static IkeSaFilter family(int ipVersion) {
            return new IkeSaFilter(null, 0, 0, ipVersion);
        }

        boolean test(int saIndex, InetSocketAddress remote, String gateway) {
            if (index != 0 && saIndex != index) {
                return false;
            }
            if (peer != null && (remote == null || !remote.getAddress().equals(peer))) {
                return false;
            }
            if (port != 0 && (remote == null || remote.getPort() != port)) {
                return false;
            }
            if (family != 0 && (remote == null || (remote.getAddress().getAddress().length == 4 ? 4 : 6) != family)) {
                return false;
            }
            return true;
        }
    }

    // ====================================================================== receiving

    /**
     * A UDP datagram received on the IKE port or the NAT-T port ({@code local} says which). On the NAT-T port
     * IKE messages carry the non-ESP marker, which is stripped here; a NAT keepalive (0xFF) is counted; ESP
     * must have been handed to the data plane before (it is counted as {@link DropReason#NOT_IKE}). The
     * engine copies what it keeps: the caller may reuse {@code buf} at once. Never throws.
     */
    public void receive(byte[] buf, int off, int len, InetSocketAddress local, InetSocketAddress remote) {
        try {
            if (local.getPort() == settings.natTPort) {
                if (len == 1 && buf[off] == (byte) 0xFF) {
                    count(DropReason.NAT_KEEPALIVE);
                    return;
                }
                if (len < 4 || buf[off] != 0 || buf[off + 1] != 0 || buf[off + 2] != 0 || buf[off + 3] != 0) {
                    count(DropReason.NOT_IKE);
                    return;
                }
                off += 4;
                len -= 4;
            }
            Message m;
            try {
                m = MessageCodec.decode(buf, off, len);
            } catch (ParseException e) {
                parseDrop(e, buf, off, len, local, remote);
                return;
            }
            m.from = remote;
            m.to = local;
            boolean request = !m.isResponse();
            if (m.exchange == Ike.IKE_SA_INIT && request && m.spiR == 0 && m.fromInitiator()) {
                loops.execute(Math.floorMod(Objects.hash(m.spiI, remote), loops.size()), () -> guard(() -> onInitRequest(m)));
                return;
            }
            long ours = m.fromInitiator() ? m.spiR : m.spiI;
            IkeSa sa = bySpi.get(ours);
            if (sa == null) {
                count(DropReason.UNKNOWN_SPI);
                return;
            }
            loops.execute(sa.partition, () -> guard(() -> deliver(sa, m)));
        } catch (RuntimeException e) {
            count(DropReason.INTERNAL_ERROR);
            LOG.warn("IKE datagram from {} could not be processed", remote, e);
        }
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            count(DropReason.INTERNAL_ERROR);
            LOG.warn("IKE processing failed", e);
        }
    }

    private void parseDrop(ParseException e, byte[] buf, int off, int len, InetSocketAddress local, InetSocketAddress remote) {
        switch (e.kind()) {
            case TRUNCATED: count(DropReason.TRUNCATED); break;
            case BAD_LENGTH: count(DropReason.BAD_LENGTH); break;
            case OVERSIZED: count(DropReason.OVERSIZED); break;
            case BAD_VERSION:
                count(len >= 18 && (buf[off + 17] & 0xF0) == 0x10 ? DropReason.IKEV1 : DropReason.BAD_VERSION);
                break;
            case UNSUPPORTED_CRITICAL_PAYLOAD:
                count(DropReason.UNSUPPORTED_CRITICAL_PAYLOAD);
                answerCritical(e, buf, off, len, local, remote);
                break;
            default: count(DropReason.INVALID_SYNTAX); break;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("dropped IKE datagram from {}: {} ({})", remote, e.kind(), e.getMessage());
        }
    }

    /** An IKE_SA_INIT request with an unknown critical payload: answer UNSUPPORTED_CRITICAL_PAYLOAD in clear. */
    private void answerCritical(ParseException e, byte[] buf, int off, int len, InetSocketAddress local, InetSocketAddress remote) {
        if (buf[off + 18] != Ike.IKE_SA_INIT || (buf[off + 19] & Ike.FLAG_RESPONSE) != 0) {
            return;
        }
        Message resp = new Message(MessageCodec.u64(buf, off), 0, Ike.IKE_SA_INIT, Ike.FLAG_RESPONSE, 0);
        resp.add(NotifyPayload.of(Ike.UNSUPPORTED_CRITICAL_PAYLOAD, new byte[] {(byte) e.payloadType()}));
        sendRaw(MessageCodec.encodePlain(resp), local, remote);
    }

    private void deliver(IkeSa sa, Message m) {
        if (!sa.alive()) {
            count(DropReason.UNKNOWN_SPI);
            return;
        }
        if (m.fromInitiator() == sa.initiator) {
            count(DropReason.ROLE_MISMATCH);
            return;
        }
        long other = m.fromInitiator() ? m.spiI : m.spiR;
        long expected = sa.initiator ? sa.spiR : sa.spiI;
        if (expected != 0 && other != expected && !(m.exchange == Ike.IKE_SA_INIT && other == 0)) {
            count(DropReason.UNKNOWN_SPI);
            return;
        }
        sa.tasks.receive(m);
        if (sa.alive()) {
            sa.tasks.initiate();
        }
    }

    private void onInitRequest(Message m) {
        InitKey key = new InitKey(m.spiI, m.from);
        IkeSa existing = byInit.get(key);
        if (existing != null) {
            deliver(existing, m);
            return;
        }
        if (closed) {
            return;
        }
        IkePolicy p = policy;
        PeerConfig gw = p.gatewayFor(m.from.getAddress(), m.to.getAddress());
        if (gw == null) {
            List<PeerConfig> dynamic = p.dynamicGateways();
            gw = dynamic.isEmpty() ? null : dynamic.get(0);
        }
        if (gw == null) {
            count(DropReason.NO_GATEWAY);
            if (LOG.isInfoEnabled()) {
                LOG.info("IKE_SA_INIT from {}: no gateway has this address", m.from);
            }
            return;
        }
        if (gw.version != 2) {
            count(DropReason.VERSION_MISMATCH);
            return;
        }
        AtomicInteger perIp = halfOpenPerIp.computeIfAbsent(m.from.getAddress(), k -> new AtomicInteger());
        if (halfOpen.size() >= settings.cookieThreshold || perIp.get() >= settings.cookieThresholdPerIp) {
            Payload first = m.payloads.isEmpty() ? null : m.payloads.get(0);
            byte[] ni = m.nonce() == null ? new byte[0] : m.nonce().nonce;
            boolean valid = first instanceof NotifyPayload && ((NotifyPayload) first).notifyType == Ike.COOKIE
                    && cookies.valid(((NotifyPayload) first).data, ni, m.from, m.spiI);
            if (!valid) {
                Message resp = new Message(m.spiI, 0, Ike.IKE_SA_INIT, Ike.FLAG_RESPONSE, 0);
                resp.add(NotifyPayload.of(Ike.COOKIE, cookies.make(ni, m.from, m.spiI, clock.millis())));
                sendRaw(MessageCodec.encodePlain(resp), m.to, m.from);
                count(DropReason.COOKIE_REQUIRED);
                return;
            }
        }
        long spi = host.allocateIkeSpi();
        int part = Math.floorMod(Objects.hash(m.spiI, m.from), loops.size());
        IkeSa sa = new IkeSa(nextIndex.getAndIncrement(), part, false, gw.name, host, clock.millis());
        sa.peer = gw;
        sa.spiI = m.spiI;
        sa.spiR = spi;
        sa.local = m.to;
        sa.remote = m.from;
        sa.tasks = new TaskManager(sa);
        bySpi.put(spi, sa);
        byInit.put(key, sa);
        halfOpen.add(sa);
        perIp.incrementAndGet();
        all.add(sa);
        sa.halfOpenTimer = host.schedule(sa, settings.halfOpenTimeoutMillis, () -> {
            if (sa.alive() && !sa.established() && sa.state != IkeSaState.REKEYED) {
                host.destroy(sa, "half-open: no IKE_AUTH within " + settings.halfOpenTimeoutMillis / 1000 + " s");
            }
        });
        deliver(sa, m);
    }

    private void sendRaw(byte[] message, InetSocketAddress local, InetSocketAddress remote) {
        if (local.getPort() == settings.natTPort) {
            byte[] withMarker = new byte[message.length + 4];
            System.arraycopy(message, 0, withMarker, 4, message.length);
            transport.send(withMarker, 0, withMarker.length, local, remote);
        } else {
            transport.send(message, 0, message.length, local, remote);
        }
    }

    private void count(DropReason reason) {
        drops.get(reason).increment();
    }

    // ====================================================================== KeyManager (the data plane's calls)

    @Override
    public void acquire(String vpn, TrafficSelector source, TrafficSelector destination) {
        initiate(vpn);
    }

    @Override
    public void expired(ChildSa sa, boolean hard) {
        ChildSaRecord c = childByInbound.get(sa.inboundSpi());
        if (c == null) {
            return;
        }
        IkeSa owner = c.ikeSa;
        loops.execute(owner.partition, () -> guard(() -> {
            if (hard) {
                childHard(c);
            } else {
                childSoft(c);
            }
        }));
    }

    /**
     * {@code clear security ipsec security-associations}: the pair is deleted with the peer (as
     * {@link #clearChildSecurityAssociations} does for a tunnel); false when it is not one of ours.
     */
    @Override
    public boolean clear(ChildSa sa) {
        ChildSaRecord c = childByInbound.get(sa.inboundSpi());
        if (c == null) {
            return false;
        }
        loops.execute(c.ikeSa.partition, () -> guard(() -> {
            IkeSa owner = c.ikeSa;
            if (c.alive() && owner.alive()) {
                deleteChild(owner, c);
                owner.tasks.initiate();
            }
        }));
        return true;
    }

    @Override
    public void unknownSpi(InetAddress peer, long spi, int protocol) {
        for (IkeSa sa : all) {
            if (sa.remote != null && sa.remote.getAddress().equals(peer)) {
                AtomicInteger n = badSpiCounts.computeIfAbsent(sa.gateway, k -> new AtomicInteger());
                int count = n.incrementAndGet();
                int max = policy.respondBadSpi;
                loops.execute(sa.partition, () -> guard(() -> {
                    if (!sa.established()) {
                        return;
                    }
                    if (count <= max) {
                        sa.tasks.queue(new InvalidSpiTask(sa, protocol == 51 ? Ike.PROTO_AH : Ike.PROTO_ESP, spi));
                        sa.tasks.initiate();
                    } else {
                        n.set(0);
                        List<String> vpns = new ArrayList<>();
                        for (ChildSaRecord c : new ArrayList<>(sa.children)) {
                            vpns.add(c.vpn);
                            deleteChild(sa, c);
                        }
                        sa.tasks.initiate();
                        for (String v : vpns) {
                            addChild(sa, v);
                        }
                    }
                }));
                return;
            }
        }
    }

    /** {@code clear security ike respond-bad-spi-count [gateway]}: {@code null} = all gateways. */
    public void clearRespondBadSpiCount(String gateway) {
        if (gateway == null) {
            badSpiCounts.clear();
        } else {
            badSpiCounts.remove(gateway);
        }
    }

    public Map<String, Integer> respondBadSpiCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        badSpiCounts.forEach((g, n) -> out.put(g, n.get()));
        return out;
    }

    // ====================================================================== what show prints

    /** Every IKE SA, by index. Waits up to 2 s for the event loops. */
    public List<IkeSaInfo> ikeSecurityAssociations() {
        List<IkeSaInfo> out = onLoops(sa -> true, this::ikeInfo);
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return out;
    }

    /** Every CHILD SA pair, by tunnel ID. */
    public List<ChildSaInfo> childSecurityAssociations() {
        List<List<ChildSaInfo>> per = onLoops(sa -> !sa.children.isEmpty(), this::childInfos);
        List<ChildSaInfo> out = new ArrayList<>();
        for (List<ChildSaInfo> l : per) {
            out.addAll(l);
        }
        out.sort((a, b) -> a.tunnelId() != b.tunnelId() ? Long.compare(a.tunnelId(), b.tunnelId())
                : Long.compare(a.inboundSpi(), b.inboundSpi()));
        return out;
    }

    /** Messages dropped (and requests answered from the cache, keepalives) per reason. */
    public Map<DropReason, Long> dropCounters() {
        Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
        drops.forEach((r, n) -> out.put(r, n.sum()));
        return out;
    }

    /** The last authentication (Phase 1) failure per gateway. */
    public Map<String, AuthFailure> authenticationFailures() {
        return Collections.unmodifiableMap(new HashMap<>(authFailures));
    }

    /** The last CHILD SA negotiation failure per VPN (cleared when one succeeds). */
    public Map<String, String> childFailures() {
        return Collections.unmodifiableMap(new HashMap<>(childFailures));
    }

    private <T> List<T> onLoops(Predicate<IkeSa> which, java.util.function.Function<IkeSa, T> f) {
        Map<Integer, List<IkeSa>> byLoop = new HashMap<>();
        for (IkeSa sa : all) {
            byLoop.computeIfAbsent(sa.partition, k -> new ArrayList<>()).add(sa);
        }
        List<CompletableFuture<List<T>>> futures = new ArrayList<>();
        for (Map.Entry<Integer, List<IkeSa>> e : byLoop.entrySet()) {
            CompletableFuture<List<T>> future = new CompletableFuture<>();
            futures.add(future);
            loops.execute(e.getKey(), () -> {
                List<T> part = new ArrayList<>();
                try {
                    for (IkeSa sa : e.getValue()) {
                        if (sa.alive() && which.test(sa)) {
                            part.add(f.apply(sa));
                        }
                    }
                } finally {
                    future.complete(part);
                }
            });
        }
        List<T> out = new ArrayList<>();
        for (CompletableFuture<List<T>> future : futures) {
            try {
                out.addAll(future.get(2, TimeUnit.SECONDS));
            } catch (Exception e) {
                LOG.warn("an IKE event loop did not answer in time");
            }
        }
        return out;
    }

    private IkeSaInfo ikeInfo(IkeSa sa) {
        long now = clock.millis();
        List<IkeSaInfo.NegotiationInfo> negotiations = new ArrayList<>();
        String localId = sa.localId != null ? sa.localId.display() : "not valid";
        String peerId = sa.peerId != null ? sa.peerId.display() : "not valid";
        for (String[] n : sa.tasks.inProgress()) {
            negotiations.add(new IkeSaInfo.NegotiationInfo(n[0], "Initiator", Long.parseLong(n[1]), sa.local, sa.remote, localId,
                    peerId));
        }
        String flags = sa.state == IkeSaState.ESTABLISHED ? "IKE SA is created"
                : sa.state == IkeSaState.DELETING || sa.state == IkeSaState.REKEYED ? "IKE SA is being deleted"
                : "IKE SA is being negotiated";
        return new IkeSaInfo(sa.index, sa.gateway, sa.state.junos(), sa.state.name(), sa.spiI, sa.spiR, "IKEv2",
                sa.initiator ? "Initiator" : "Responder", sa.local, sa.remote,
                sa.hardMillis > 0 ? Math.max(0, (sa.hardMillis - now) / 1000) : 0, peerId, localId, sa.authMethodDisplay,
                sa.suite == null ? "None" : sa.suite.integrity == null ? "None" : Algorithms.junosIntegrity(sa.suite.integrity),
                sa.suite == null ? "None" : Algorithms.junosEncryption(sa.suite.encryption),
                sa.suite == null ? "None" : Algorithms.junosPrf(sa.suite.prf),
                sa.suite == null ? "None" : Algorithms.junosGroup(sa.suite.dh), sa.inBytes, sa.outBytes, sa.inPackets,
                sa.outPackets, sa.childrenCreated, sa.childrenDeleted, negotiations, sa.natLocal, sa.natRemote, flags);
    }

    private List<ChildSaInfo> childInfos(IkeSa sa) {
        long now = clock.millis();
        List<ChildSaInfo> out = new ArrayList<>(sa.children.size());
        for (ChildSaRecord c : sa.children) {
            if (!c.alive()) {
                continue;
            }
            long[] counters = safeCounters(c);
            long hardKb = c.proposal.lifetimeKilobytes;
            boolean nat = c.installed.localPort() != 0;
            String protocol = c.protocol == Ike.PROTO_AH ? "AH" : "ESP";
            out.add(new ChildSaInfo(c.tunnelId, c.vpn, sa.gateway, sa.index, sa.local.getAddress(), sa.remote.getAddress(),
                    sa.remote.getPort(), c.localSelector, c.remoteSelector, Selectors.junos(c.localSelector),
                    Selectors.junos(c.remoteSelector), "IKEv2", c.installed.dfBit(), c.installed.bindInterface(),
                    c.installed.policyName(), protocol, c.inboundSpi, c.outboundSpi, Algorithms.junosIntegrity(c.integrity),
                    Algorithms.junosEncryption(c.encryption),
                    protocol + ":" + Algorithms.shortCipher(c.encryption) + "/" + Algorithms.shortHash(c.integrity),
                    Algorithms.junosGroup(c.pfs), Math.max(0, (c.hardMillis - now) / 1000), (c.softMillis - now) / 1000,
                    hardKb == 0 ? -1 : Math.max(0, hardKb - counters[0] / 1024),
                    hardKb == 0 ? -1 : Math.max(0, hardKb - counters[2] / 1024), c.installed.replayWindow() > 0,
                    c.installed.replayWindow(), "Tunnel", "dynamic", "installed", c.state.name(), nat, counters[0], counters[1],
                    counters[2], counters[3]));
        }
        return out;
    }

    private long[] safeCounters(ChildSaRecord c) {
        try {
            long[] k = installer.counters(c.installed);
            return k != null && k.length >= 4 ? k : new long[4];
        } catch (RuntimeException e) {
            return new long[4];
        }
    }

    // ====================================================================== lifetimes, DPD, keepalives

    private void childSoft(ChildSaRecord c) {
        IkeSa owner = c.ikeSa;
        if (!c.alive() || c.state != ChildSaRecord.State.INSTALLED || owner == null || !owner.alive()) {
            return;
        }
        if (!owner.established()) {
            c.softTimer = host.schedule(owner, settings.rekeyRetryMillis, () -> childSoft(c));
            return;
        }
        if (policy.vpns.get(c.vpn) == null) {
            deleteChild(owner, c);
            owner.tasks.initiate();
            return;
        }
        owner.tasks.queue(ChildCreateTask.rekey(owner, c));
        owner.tasks.initiate();
    }

    private void childHard(ChildSaRecord c) {
        IkeSa owner = c.ikeSa;
        if (!c.alive() || owner == null) {
            return;
        }
        if (owner.established() || owner.state == IkeSaState.REKEYED) {
            if (c.state != ChildSaRecord.State.DELETING) {
                owner.tasks.queueFirst(new ChildDeleteTask(owner, c));
                owner.tasks.initiate();
            }
        } else {
            host.childRemoved(owner, c);
        }
    }

    private void startTimers(IkeSa sa) {
        long now = clock.millis();
        long hard = sa.peer.lifetimeSeconds(sa.chosenProposal) * 1000L;
        long m = Math.min(600_000L, hard / 6);
        long jitter = m / 20;
        if (jitter > 0) {
            m = m - jitter + random.nextInt((int) Math.min(Integer.MAX_VALUE, 2 * jitter + 1));
        }
        sa.hardMillis = now + hard;
        sa.softMillis = now + hard - m;
        sa.softTimer = host.schedule(sa, hard - m, () -> {
            if (sa.established() && !sa.tasks.has(IkeRekeyTask.class)) {
                sa.tasks.queue(new IkeRekeyTask(sa));
                sa.tasks.initiate();
            }
        });
        sa.hardTimer = host.schedule(sa, hard, () -> {
            if (sa.alive()) {
                clear(sa, "IKE SA lifetime expired");
            }
        });
        if (sa.peer.dpd && sa.peer.dpdInterval > 0) {
            scheduleDpd(sa);
        }
        if (sa.natLocal && sa.peer.natTraversal && sa.peer.natKeepalive > 0) {
            scheduleKeepalive(sa);
        }
    }

    private void scheduleDpd(IkeSa sa) {
        long interval = sa.peer.dpdInterval * 1000L;
        sa.dpdTimer = host.schedule(sa, interval, () -> {
            if (!sa.alive() || sa.state == IkeSaState.DELETING) {
                return;
            }
            if (sa.established() && sa.peer.dpd && sa.peer.dpdInterval > 0) {
                dpdCheck(sa, interval);
            }
            scheduleDpd(sa);
        });
    }

    /** D-19: always-send probes when nothing came from the peer; on-demand only when we sent traffic too. */
    private void dpdCheck(IkeSa sa, long interval) {
        long inBytes = 0;
        long outBytes = 0;
        for (ChildSaRecord c : sa.children) {
            long[] k = safeCounters(c);
            inBytes += k[0];
            outBytes += k[2];
        }
        boolean heard = clock.millis() - sa.lastInboundMillis < interval || (sa.dpdInbound >= 0 && inBytes > sa.dpdInbound);
        boolean sent = sa.dpdOutbound >= 0 && outBytes > sa.dpdOutbound;
        sa.dpdInbound = inBytes;
        sa.dpdOutbound = outBytes;
        if (!heard && (sa.peer.dpdAlwaysSend || sent) && sa.tasks.idle()) {
            sa.tasks.queue(new IkeDpdTask(sa));
            sa.tasks.initiate();
        }
    }

    private void scheduleKeepalive(IkeSa sa) {
        sa.keepaliveTimer = host.schedule(sa, sa.peer.natKeepalive * 1000L, () -> {
            if (!sa.alive() || !sa.natLocal) {
                return;
            }
            transport.send(new byte[] {(byte) 0xFF}, 0, 1, sa.local, sa.remote);
            scheduleKeepalive(sa);
        });
    }

    private static void cancel(Runnable timer) {
        if (timer != null) {
            timer.run();
        }
    }

    // ====================================================================== life cycle

    @Override
    public void close() {
        closed = true;
        for (IkeSa sa : all) {
            loops.execute(sa.partition, () -> host.destroy(sa, "engine stopped"));
        }
        if (ownLoops) {
            loops.shutdown();
        }
        if (ownScheduler) {
            scheduler.shutdown();
        }
    }

    // ====================================================================== the host of the SAs

    private final class Host implements SaHost {

        @Override
        public CryptoRegistry crypto() {
            return crypto;
        }

        @Override
        public RandomSource random() {
            return random;
        }

        @Override
        public KeyExchange keyExchange(Algorithm group) {
            return keyExchanges.create(group);
        }

        @Override
        public long now() {
            return clock.millis();
        }

        @Override
        public IkePolicy policy() {
            return policy;
        }

        @Override
        public LocalCredentials credentials() {
            return credentials;
        }

        @Override
        public PeerCertificateValidator validator() {
            return validator;
        }

        @Override
        public SaInstaller installer() {
            return installer;
        }

        @Override
        public Settings settings() {
            return settings;
        }

        @Override
        public void send(IkeSa sa, byte[] datagram, InetSocketAddress local, InetSocketAddress remote) {
            sendRaw(datagram, local, remote);
        }

        @Override
        public Runnable schedule(IkeSa sa, long delayMillis, Runnable task) {
            int part = sa.partition;
            return scheduler.schedule(() -> loops.execute(part, () -> guard(task)), delayMillis);
        }

        @Override
        public long allocateIkeSpi() {
            while (true) {
                long spi = random.nextLong();
                if (spi != 0 && !bySpi.containsKey(spi)) {
                    return spi;
                }
            }
        }

        @Override
        public long allocateChildSpi() {
            while (true) {
                long spi = random.nextLong() & 0xFFFFFFFFL;
                if (spi >= 256 && !childByInbound.containsKey(spi)) {
                    return spi;
                }
            }
        }

        @Override
        public long tunnelId(String vpn) {
            return tunnelIds.computeIfAbsent(vpn, k -> nextTunnelId.getAndIncrement());
        }

        @Override
        public IkeSa rekeyedIkeSa(IkeSa old, boolean initiator, long spiI, long spiR) {
            IkeSa sa = new IkeSa(nextIndex.getAndIncrement(), old.partition, initiator, old.gateway, this, clock.millis());
            sa.peer = old.peer;
            sa.spiI = spiI;
            sa.spiR = spiR;
            sa.local = old.local;
            sa.remote = old.remote;
            sa.localId = old.localId;
            sa.peerId = old.peerId;
            sa.authMethodDisplay = old.authMethodDisplay;
            sa.natLocal = old.natLocal;
            sa.natRemote = old.natRemote;
            sa.peerFragmentation = old.peerFragmentation;
            sa.peerHashAlgorithms = old.peerHashAlgorithms;
            sa.addressIndex = old.addressIndex;
            sa.rekeyedFrom = old;
            sa.tasks = new TaskManager(sa);
            bySpi.put(sa.localSpi(), sa);
            all.add(sa);
            return sa;
        }

        @Override
        public void spisKnown(IkeSa sa) {
            bySpi.putIfAbsent(sa.localSpi(), sa);
        }

        @Override
        public void established(IkeSa sa) {
            if (halfOpen.remove(sa)) {
                AtomicInteger n = halfOpenPerIp.get(sa.remote.getAddress());
                if (n != null) {
                    n.decrementAndGet();
                }
            }
            cancel(sa.halfOpenTimer);
            sa.establishedMillis = clock.millis();
            startTimers(sa);
            PeerState ps = peers.computeIfAbsent(sa.gateway, k -> new PeerState());
            synchronized (ps) {
                if (ps.current == null || !usable(ps.current) || ps.current == sa.rekeyedFrom) {
                    ps.current = sa;
                }
            }
            if (sa.rekeyedFrom != null) {
                IkeSa old = sa.rekeyedFrom;
                for (org.secplane.ike.internal.task.Task t : old.tasks.drainQueued()) {
                    if (t instanceof ChildCreateTask && ((ChildCreateTask) t).rekeyOf() == null) {
                        addChild(sa, ((ChildCreateTask) t).vpn());
                    } else if (t instanceof IkeDeleteTask || t instanceof ChildDeleteTask) {
                        old.tasks.queue(t);
                    }
                }
            } else {
                byte[] nonces = new byte[sa.ni.length + sa.nr.length];
                System.arraycopy(sa.ni, 0, nonces, 0, sa.ni.length);
                System.arraycopy(sa.nr, 0, nonces, sa.ni.length, sa.nr.length);
                sa.establishedNonces = nonces;
                if (settings.resolveDuplicates) {
                    resolveDuplicate(sa);
                }
            }
            authFailures.remove(sa.gateway);
            if (LOG.isInfoEnabled()) {
                LOG.info("IKE SA {} with gateway {} ({}) established as {}: {}", sa.index, sa.gateway, sa.remote,
                        sa.initiator ? "initiator" : "responder", sa.suite);
            }
        }

        /**
         * Simultaneous initiation made two IKE SAs with one peer: the one made with the lowest nonce is redundant
         * and its initiator deletes it (the rule of RFC 7296 §2.8.1 applied to the pair).
         */
        private void resolveDuplicate(IkeSa sa) {
            for (IkeSa other : all) {
                if (other == sa || !other.gateway.equals(sa.gateway) || other.initiator == sa.initiator
                        || other.rekeyedFrom != null || other.establishedNonces == null || !other.alive()) {
                    continue;
                }
                byte[] mine = sa.establishedNonces;
                byte[] theirs = other.establishedNonces;
                byte[] lowMine = ChildSaRecord.Nonces.lower(java.util.Arrays.copyOfRange(mine, 0, sa.ni.length),
                        java.util.Arrays.copyOfRange(mine, sa.ni.length, mine.length));
                byte[] lowTheirs = lowest(theirs, other);
                IkeSa redundant = java.util.Arrays.compareUnsigned(lowMine, lowTheirs) < 0 ? sa : other;
                if (redundant.initiator) {
                    IkeSa survivor = redundant == sa ? other : sa;
                    loops.execute(redundant.partition, () -> {
                        if (redundant.alive() && redundant.established()) {
                            if (LOG.isInfoEnabled()) {
                                LOG.info("IKE SA {} duplicates IKE SA {} (simultaneous initiation): deleting it", redundant.index,
                                        survivor.index);
                            }
                            clear(redundant, "duplicate of IKE SA " + survivor.index + " (simultaneous initiation)");
                        }
                    });
                }
                return;
            }
        }

        private byte[] lowest(byte[] nonces, IkeSa sa) {
            int split = sa.ni != null ? sa.ni.length : nonces.length / 2;
            return ChildSaRecord.Nonces.lower(java.util.Arrays.copyOfRange(nonces, 0, split),
                    java.util.Arrays.copyOfRange(nonces, split, nonces.length));
        }

        @Override
        public void destroy(IkeSa sa, String reason) {
            if (!sa.alive()) {
                return;
            }
            IkeSaState before = sa.state;
            sa.state = IkeSaState.DESTROYED;
            sa.failureReason = reason;
            sa.tasks.abortAll(reason);
            cancel(sa.softTimer);
            cancel(sa.hardTimer);
            cancel(sa.dpdTimer);
            cancel(sa.keepaliveTimer);
            cancel(sa.halfOpenTimer);
            for (ChildSaRecord c : new ArrayList<>(sa.children)) {
                childRemoved(sa, c);
            }
            bySpi.remove(sa.localSpi(), sa);
            if (!sa.initiator) {
                byInit.remove(new InitKey(sa.spiI, sa.remote), sa);
                byInit.values().remove(sa);
            }
            if (halfOpen.remove(sa)) {
                AtomicInteger n = halfOpenPerIp.get(sa.remote.getAddress());
                if (n != null) {
                    n.decrementAndGet();
                }
            }
            all.remove(sa);
            if (sa.reassembly != null) {
                sa.reassembly.wipe();
            }
            sa.wipe();
            boolean failed = before != IkeSaState.ESTABLISHED && before != IkeSaState.REKEYED && before != IkeSaState.DELETING;
            boolean dead = reason != null && (reason.startsWith("peer dead") || reason.startsWith("peer not responding"));
            PeerState ps = peers.get(sa.gateway);
            boolean noneLeft = false;
            if (ps != null) {
                synchronized (ps) {
                    if (dead || (failed && sa.initiator)) {
                        ps.addressIndex++;
                    }
                    if (ps.current == sa) {
                        IkeSa replacement = sa.replacedBy != null && sa.replacedBy.alive() ? sa.replacedBy : null;
                        if (replacement == null) {
                            for (IkeSa o : all) {
                                if (o.gateway.equals(sa.gateway) && usable(o)) {
                                    replacement = o;
                                    break;
                                }
                            }
                        }
                        ps.current = replacement;
                    }
                    noneLeft = ps.current == null;
                }
            }
            if (LOG.isInfoEnabled()) {
                LOG.info("IKE SA {} with gateway {} ({}) gone: {}", sa.index, sa.gateway, sa.remote, reason);
            }
            if (noneLeft && !closed && reason != null && !reason.startsWith("gateway ") && !reason.startsWith("engine")) {
                reinitiate(sa.gateway, failed ? retryDelayMillis : reinitiateDelayMillis);
            }
        }

        @Override
        public void destroyLater(IkeSa other, String reason) {
            loops.execute(other.partition, () -> guard(() -> destroy(other, reason)));
        }

        /** D-19, D-29: VPNs with {@code establish-tunnels immediately} come back on their own. */
        private void reinitiate(String gateway, long delay) {
            if (delay < 0) {
                return;
            }
            List<String> vpns = new ArrayList<>();
            for (VpnConfig v : policy.vpnsOf(gateway)) {
                if (v.establishImmediately) {
                    vpns.add(v.name);
                }
            }
            if (vpns.isEmpty()) {
                return;
            }
            scheduler.schedule(() -> {
                for (String v : vpns) {
                    initiate(v);
                }
            }, delay);
        }

        @Override
        public void childEstablished(IkeSa sa, ChildSaRecord child, boolean rekey) {
            installer.install(child.installed);
            childByInbound.put(child.inboundSpi, child);
            sa.childrenCreated++;
            childFailures.remove(child.vpn);
            child.softTimer = schedule(sa, child.softMillis - clock.millis(), () -> childSoft(child));
            child.hardTimer = schedule(sa, child.hardMillis - clock.millis(), () -> childHard(child));
            if (LOG.isInfoEnabled()) {
                LOG.info("CHILD SA of VPN {} {}: SPIs {}/{} {} <-> {}", child.vpn, rekey ? "rekeyed" : "established",
                        Long.toHexString(child.inboundSpi), Long.toHexString(child.outboundSpi), child.localSelector,
                        child.remoteSelector);
            }
        }

        @Override
        public void childRemoved(IkeSa sa, ChildSaRecord child) {
            if (child.state == ChildSaRecord.State.DELETED) {
                return;
            }
            child.state = ChildSaRecord.State.DELETED;
            cancel(child.softTimer);
            cancel(child.hardTimer);
            childByInbound.remove(child.inboundSpi, child);
            IkeSa owner = child.ikeSa != null ? child.ikeSa : sa;
            owner.children.remove(child);
            owner.childrenDeleted++;
            try {
                installer.remove(child.installed);
            } catch (RuntimeException e) {
                LOG.warn("removing CHILD SA {} from the data plane failed", Long.toHexString(child.inboundSpi), e);
            }
            if (LOG.isInfoEnabled()) {
                LOG.info("CHILD SA of VPN {} deleted: SPIs {}/{}", child.vpn, Long.toHexString(child.inboundSpi),
                        Long.toHexString(child.outboundSpi));
            }
        }

        @Override
        public void authenticationFailed(IkeSa sa, String reason) {
            authFailures.put(sa.gateway, new AuthFailure(sa.gateway,
                    sa.remote == null ? "" : sa.remote.getAddress().getHostAddress(), reason, clock.millis()));
            if (LOG.isWarnEnabled()) {
                LOG.warn("IKE SA {} with gateway {}: {}", sa.index, sa.gateway, reason);
            }
        }

        @Override
        public void childFailed(IkeSa sa, String vpn, String reason) {
            if (vpn != null) {
                childFailures.put(vpn, reason);
            }
            if (LOG.isWarnEnabled()) {
                LOG.warn("CHILD SA of VPN {} (gateway {}): {}", vpn, sa.gateway, reason);
            }
        }

        @Override
        public List<IkeSa> sameIdentities(IkeSa sa) {
            List<IkeSa> out = new ArrayList<>(1);
            for (IkeSa o : all) {
                if (o == sa || !o.alive() || o.state == IkeSaState.DELETING || o.localId == null
                        || !o.localId.sameIdentity(sa.localId)) {
                    continue;
                }
                boolean samePeer;
                if (sa.peerId != null) {
                    samePeer = sa.peerId.sameIdentity(o.peerId);
                } else if (sa.peer.remoteIdentity != null && sa.peer.remoteIdentity.kind != Identity.Kind.DN_PATTERN) {
                    samePeer = o.peerId != null && sa.peer.remoteIdentity.matches(o.peerId);
                } else {
                    samePeer = o.remote != null && sa.remote != null && o.remote.getAddress().equals(sa.remote.getAddress());
                }
                if (samePeer) {
                    out.add(o);
                }
            }
            return out;
        }

        @Override
        public boolean othersNegotiatingWith(IkeSa sa) {
            for (IkeSa o : all) {
                if (o != sa && (o.state == IkeSaState.CREATED || o.state == IkeSaState.CONNECTING
                        || o.state == IkeSaState.AUTHENTICATING) && o.remote != null
                        && sa.remote != null && o.remote.getAddress().equals(sa.remote.getAddress())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void dropped(IkeSa sa, String reason) {
            DropReason r;
            try {
                r = DropReason.valueOf(reason);
            } catch (IllegalArgumentException e) {
                r = DropReason.INVALID_SYNTAX;
            }
            count(r);
            if (LOG.isDebugEnabled()) {
                LOG.debug("IKE SA {}: message dropped ({})", sa.index, reason);
            }
        }
    }

    /** Per gateway: the IKE SA new CHILD SAs go to, and which address (D-27) to try next. */
    private static final class PeerState {
        IkeSa current;
        int addressIndex;
    }

    private static final class InitKey {
        final long spiI;
        final InetSocketAddress from;

        InitKey(long spiI, InetSocketAddress from) {
            this.spiI = spiI;
            this.from = from;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InitKey && ((InitKey) o).spiI == spiI && ((InitKey) o).from.equals(from);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(spiI) * 31 + from.hashCode();
        }
    }

    /** Builds an {@link IkeEngine}; transport, installer and crypto are required. */
    public static final class Builder {
        private IkeTransport transport;
        private SaInstaller installer;
        private CryptoRegistry crypto;
        private IkeClock clock;
        private IkeScheduler scheduler;
        private RandomSource random;
        private KeyExchangeFactory keyExchanges;
        private LocalCredentials credentials;
        private PeerCertificateValidator validator;
        private EventLoops loops;
        private SaHost.Settings settings;
        private long reinitiateDelayMillis = 1000;
        private long retryDelayMillis = 10_000;

        public Builder transport(IkeTransport t) { this.transport = t; return this; }
        public Builder installer(SaInstaller i) { this.installer = i; return this; }
        public Builder crypto(CryptoRegistry c) { this.crypto = c; return this; }
        public Builder clock(IkeClock c) { this.clock = c; return this; }
        public Builder scheduler(IkeScheduler s) { this.scheduler = s; return this; }
        public Builder random(RandomSource r) { this.random = r; return this; }
        public Builder keyExchanges(KeyExchangeFactory k) { this.keyExchanges = k; return this; }
        public Builder credentials(LocalCredentials c) { this.credentials = c; return this; }
        public Builder validator(PeerCertificateValidator v) { this.validator = v; return this; }
        public Builder loops(EventLoops l) { this.loops = l; return this; }
        public Builder settings(SaHost.Settings s) { this.settings = s; return this; }
        /** Delay before VPNs with {@code establish-tunnels immediately} are brought up again; -1 = never. */
        public Builder reinitiateDelay(long millis) { this.reinitiateDelayMillis = millis; return this; }
        /** Delay before retrying after a failed negotiation; -1 = never. */
        public Builder retryDelay(long millis) { this.retryDelayMillis = millis; return this; }

        public IkeEngine build() {
            return new IkeEngine(this);
        }
    }
}
