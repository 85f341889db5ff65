package org.secplane.ipsec.internal.forward;

import static org.secplane.ipsec.internal.forward.Worker.ESP_START;
import static org.secplane.ipsec.internal.forward.Worker.HEAD;
import static org.secplane.ipsec.internal.forward.Worker.MAX_PACKET;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Mac;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.TunnelInterface;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.KeyManager;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.UdpEncapsulation;
import org.secplane.ipsec.internal.esp.EspTransform;
import org.secplane.ipsec.internal.esp.IvSource;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.packet.PacketInfo;
import org.secplane.ipsec.internal.packet.TcpMss;
import org.secplane.ipsec.internal.sad.ReplayWindow;
import org.secplane.ipsec.internal.sad.SaEvents;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.sad.Sad;
import org.secplane.ipsec.internal.sad.SecurityAssociation;
import org.secplane.ipsec.internal.spd.Selector;
import org.secplane.ipsec.internal.tunnel.TunnelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPsec data plane (the reference one, in Java, as strongSwan's kernel-libipsec is strongSwan's):
 * cleartext packets the host routes into a tunnel interface ({@code st0.N}) are matched against the VPNs
 * bound to it, protected with ESP (RFC 4303, tunnel or transport mode, plain or in UDP per RFC 3948) or AH
 * (RFC 4302) and sent through the device family's raw IP socket (or key management's NAT-T port); ESP and
 * AH packets from peers are looked up in the SAD by (protocol, SPI, local address), checked against the
 * anti-replay window, authenticated, decrypted, checked against the SA's traffic selectors and written to
 * the SA's tunnel interface.
 *
 * <p><b>Threads.</b> Each tunnel interface has a reader thread (all outbound work of the VPNs bound to it);
 * each raw port (local address and protocol) has a reader thread (all inbound work of its SAs); ESP in UDP
 * arrives on key management's port thread. Every such thread owns a {@link Worker} (two packet buffers and
 * scratch space), so a packet allocates nothing in the data plane: cryptography works from one buffer into
 * the other, counters are single-writer fields. (SunJCE's AES-GCM allocates about 1 KB inside each
 * {@code Cipher.init}, which the JDK 17 API cannot avoid; CBC, HMAC and the framing allocate nothing.)
 * Control operations (install, remove, configuration, device family changes, the one-second timer) take the
 * data plane's lock and publish what the packet path reads through volatile fields. Crypto objects of a
 * removed SA are closed two seconds later, when no packet thread can still be inside them.
 */
public final class DataPlane implements SaEvents, TunnelRegistry.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);

    /** Tunnel IDs of manual SAs start here; key management numbers its tunnels from 131073 (D-46). */
    public static final long FIRST_MANUAL_TUNNEL_ID = 16384;
    /** Outbound sequence number at which key management is asked to rekey (5/6 of the 32-bit space, as D-14). */
    static final long SOFT_SEQUENCE = 0xffffffffL / 6 * 5;
    private static final long RETIRE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long ACQUIRE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long UNKNOWN_SPI_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String POLICY_BASED = "(no tunnel interface)";

    private final CryptoRegistry crypto;
    private final Supplier<IvSource> ivSources;
    private final LongSupplier nanoTime;
    private final Sad sad = new Sad();
    private final DropCounters drops = new DropCounters();
    private final Set<DropReason> reported = EnumSet.noneOf(DropReason.class);
    private final ScheduledExecutorService timer;
    private final ThreadLocal<Worker> udpWorkers;

    private volatile KeyManager keyManager;
    private volatile UdpEncapsulation udpEncapsulation;
    private volatile int tcpMss;
    private volatile long lastUnknownSpiNanos;
    private volatile boolean closed;

    // ---- under the lock
    private DeviceFamily family;
    private final Map<String, TunnelPolicy> policies = new HashMap<>();
    private final Map<String, VpnRoute> routes = new HashMap<>();
    private final Map<String, RawPortHolder> ports = new HashMap<>();
    private final Map<Long, List<SaPair>> tunnels = new HashMap<>();
    private final List<SaPair> retired = new ArrayList<>();
    private final Map<String, ManualEntry> manual = new LinkedHashMap<>();
    private final Map<String, Long> manualTunnelIds = new HashMap<>();
    private final Map<String, String> manualErrors = new ConcurrentHashMap<>();
    private long nextManualTunnelId = FIRST_MANUAL_TUNNEL_ID;
    private DataPlaneSettings settings = DataPlaneSettings.NONE;

    private static final class ManualEntry {
        final DataPlaneSettings.ManualSa spec;
        final SaPair pair;

        ManualEntry(DataPlaneSettings.ManualSa spec, SaPair pair) {
            this.spec = spec;
            this.pair = pair;
        }
    }

    /**
     * @param ivSources makes each packet thread's source of CBC IVs
     * @param nanoTime  the clock of lifetimes and rate limits
     * @param timer     whether to run the one-second housekeeping ({@link #tick}) on a thread of its own
     */
    public DataPlane(CryptoRegistry crypto, Supplier<IvSource> ivSources, LongSupplier nanoTime, boolean timer) {
        this.crypto = crypto;
        this.ivSources = ivSources;
        this.nanoTime = nanoTime;
        this.udpWorkers = ThreadLocal.withInitial(() -> new Worker(ivSources));
        if (timer) {
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "secplane-ipsec-timer"));
            this.timer.scheduleWithFixedDelay(this::tickQuietly, 1, 1, TimeUnit.SECONDS);
        } else {
            this.timer = null;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    // ================================================================ collaborators

    public void setKeyManager(KeyManager manager) {
        this.keyManager = manager;
    }

    public void setUdpEncapsulation(UdpEncapsulation encapsulation) {
        this.udpEncapsulation = encapsulation;
    }

    /** A device family became active: the raw ports of the installed SAs are opened on it. */
    public synchronized void familyAdded(DeviceFamily added) {
        if (family != null) {
            closePorts();
        }
        family = added;
        syncStandingPorts();
        for (RawPortHolder holder : ports.values()) {
            openPort(holder);
        }
    }

    /** Keeps ESP and AH ports open on the family's own addresses (link-local ones aside), closes unused ones. */
    private void syncStandingPorts() {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        if (family != null) {
            List<InetAddress> addresses;
            try {
                addresses = family.localAddresses();
            } catch (RuntimeException e) {
                LOG.debug("the device family's addresses: {}", e.toString());
                addresses = List.of();
            }
            for (InetAddress address : addresses) {
                if (address.isLinkLocalAddress() || address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                    continue;
                }
                for (int protocol : new int[] {SaPair.ESP, SaPair.AH}) {
                    wanted.add(portKey(address, protocol));
                    portFor(address, protocol).standing = true;
                }
            }
        }
        for (Iterator<Map.Entry<String, RawPortHolder>> it = ports.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, RawPortHolder> entry = it.next();
            RawPortHolder holder = entry.getValue();
            holder.standing = wanted.contains(entry.getKey());
            if (!holder.standing && holder.users == 0) {
                closePort(holder);
                it.remove();
            }
        }
    }

    public synchronized void familyRemoved(DeviceFamily removed) {
        if (family == removed) {
            closePorts();
            family = null;
        }
    }

    private void closePorts() {
        for (RawPortHolder holder : ports.values()) {
            closePort(holder);
            holder.error = "no device family is active";
        }
    }

    @Override
    public void tunnelAdded(TunnelInterface tunnel) {
        TunnelPolicy policy;
        synchronized (this) {
            policy = policyFor(tunnel.name());
            if (policy.tunnel == tunnel) {
                return;
            }
            policy.tunnel = tunnel;
        }
        daemon(() -> readTunnel(policy, tunnel), "secplane-ipsec-" + tunnel.name()).start();
    }

    @Override
    public synchronized void tunnelRemoved(String name) {
        TunnelPolicy policy = policies.get(name);
        if (policy != null) {
            policy.tunnel = null; // its reader ends when the family closes the interface
        }
    }

    // ================================================================ configuration

    /** The committed configuration's VPNs, MSS clamping and manual SAs. */
    public synchronized void apply(DataPlaneSettings next) {
        settings = next;
        tcpMss = next.tcpMss();
        Set<String> configured = new java.util.HashSet<>();
        for (DataPlaneSettings.Vpn vpn : next.vpns()) {
            VpnRoute route = routeFor(vpn.bindInterface(), vpn.name());
            route.configured = true;
            route.negotiated = vpn.negotiated();
            route.localSelectors = vpn.local().isEmpty() ? null : selectors(vpn.local());
            route.remoteSelectors = vpn.remote().isEmpty() ? null : selectors(vpn.remote());
            configured.add(routeKey(vpn.bindInterface(), vpn.name()));
        }
        for (Map.Entry<String, VpnRoute> entry : new ArrayList<>(routes.entrySet())) {
            if (!configured.contains(entry.getKey())) {
                VpnRoute route = entry.getValue();
                route.configured = false;
                route.negotiated = false;
                dropRouteIfUnused(route);
            }
        }
        applyManual(next.manualSas());
    }

    private static Selector[] selectors(List<TrafficSelector> selectors) {
        Selector[] out = new Selector[selectors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Selector.of(selectors.get(i));
        }
        return out;
    }

    private void applyManual(List<DataPlaneSettings.ManualSa> wanted) {
        Map<String, DataPlaneSettings.ManualSa> byVpn = new LinkedHashMap<>();
        for (DataPlaneSettings.ManualSa sa : wanted) {
            byVpn.put(sa.vpn(), sa);
        }
        for (Iterator<Map.Entry<String, ManualEntry>> it = manual.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, ManualEntry> entry = it.next();
            DataPlaneSettings.ManualSa next = byVpn.get(entry.getKey());
            if (next == null || !next.fingerprint().equals(entry.getValue().spec.fingerprint())) {
                removePair(entry.getValue().pair, "manual SA changed or deleted");
                it.remove();
            }
        }
        manualTunnelIds.keySet().retainAll(byVpn.keySet());
        manualErrors.keySet().retainAll(byVpn.keySet());
        for (DataPlaneSettings.ManualSa sa : byVpn.values()) {
            if (!manual.containsKey(sa.vpn())) {
                installManual(sa);
            }
        }
    }

    private void installManual(DataPlaneSettings.ManualSa spec) {
        long tunnelId = manualTunnelIds.computeIfAbsent(spec.vpn(), v -> nextManualTunnelId++);
        try {
            SaPair pair = installLocked(spec.build(tunnelId));
            manual.put(spec.vpn(), new ManualEntry(spec, pair));
            manualErrors.remove(spec.vpn());
        } catch (IllegalArgumentException e) {
            manualErrors.put(spec.vpn(), e.getMessage());
            LOG.warn("manual SA of IPsec VPN {} not installed: {}", spec.vpn(), e.getMessage());
        }
    }

    /** Manual SAs that could not be installed, by VPN, with why. */
    public Map<String, String> manualErrors() {
        return new LinkedHashMap<>(manualErrors);
    }

    // ================================================================ SA installation (SaInstaller)

    /**
     * Installs both SAs of the pair: inbound into the SAD, outbound as its VPN's current pair. Throws
     * {@link IllegalArgumentException} naming what is wrong; the pair's keys are wiped then and nothing is
     * kept.
     */
    public synchronized void install(ChildSa sa) {
        installLocked(sa);
    }

    private SaPair installLocked(ChildSa sa) {
        if (closed) {
            SaPair.wipe(sa);
            throw new IllegalStateException("the IPsec data plane has stopped");
        }
        SaPair pair;
        try {
            pair = SaPair.of(sa, this, nanoTime.getAsLong(), System.currentTimeMillis());
            if (sad.contains(sa.protocol(), sa.inboundSpi(), sa.local(), pair.anyLocal())) {
                throw new IllegalArgumentException("SA pair of " + (sa.vpn() == null ? "tunnel " + sa.tunnelId()
                        : "VPN " + sa.vpn()) + ": inbound " + (sa.protocol() == SaPair.AH ? "AH" : "ESP") + " SPI "
                        + Long.toHexString(sa.inboundSpi()) + " is already installed on " + sa.local().getHostAddress());
            }
        } catch (RuntimeException e) {
            SaPair.wipe(sa);
            throw e;
        }
        VpnRoute route = routeFor(sa.bindInterface(), sa.vpn());
        RawPortHolder port = null;
        if (!pair.udpEncapsulated() && !pair.anyLocal()) {
            port = portFor(sa.local(), sa.protocol());
            port.users++;
        }
        pair.bind(new PairBinding(route, port));
        sad.add(pair.inbound());
        tunnels.computeIfAbsent(sa.tunnelId(), id -> new ArrayList<>()).add(pair);
        route.pairs.add(pair);
        route.current = pair;
        return pair;
    }

    /** Removes the pair with {@code sa}'s inbound SPI towards its remote; false when none is installed. */
    public synchronized boolean remove(ChildSa sa) {
        SaPair pair = find(sa);
        if (pair == null) {
            return false;
        }
        removePair(pair, "removed by key management");
        return true;
    }

    /** Inbound bytes and packets, outbound bytes and packets of the installed pair, or {@code null}. */
    public synchronized long[] counters(ChildSa sa) {
        SaPair pair = find(sa);
        if (pair == null) {
            return null;
        }
        return new long[] {pair.inbound().bytes(), pair.inbound().packets(), pair.outbound().bytes(),
            pair.outbound().packets()};
    }

    private SaPair find(ChildSa sa) {
        List<SaPair> candidates = tunnels.get(sa.tunnelId());
        if (candidates != null) {
            for (SaPair pair : candidates) {
                if (matches(pair, sa)) {
                    return pair;
                }
            }
        }
        for (List<SaPair> pairs : tunnels.values()) {
            for (SaPair pair : pairs) {
                if (matches(pair, sa)) {
                    return pair;
                }
            }
        }
        return null;
    }

    private static boolean matches(SaPair pair, ChildSa sa) {
        return pair.inbound().spi() == sa.inboundSpi() && pair.protocol() == sa.protocol()
                && pair.remote().equals(sa.remote());
    }

    private void removePair(SaPair pair, String why) {
        if (pair.removed()) {
            return;
        }
        LOG.debug("{}: {}", pair, why);
        sad.remove(pair.inbound());
        pair.markRemoved(nanoTime.getAsLong());
        PairBinding binding = (PairBinding) pair.binding();
        VpnRoute route = binding.route;
        route.pairs.remove(pair);
        if (route.current == pair || route.current == null || !route.current.usable()) {
            route.current = route.newestUsable();
        }
        dropRouteIfUnused(route);
        if (binding.port != null && --binding.port.users == 0 && !binding.port.standing) {
            closePort(binding.port);
            ports.remove(portKey(binding.port.local, binding.port.protocol));
        }
        List<SaPair> pairs = tunnels.get(pair.tunnelId());
        if (pairs != null) {
            pairs.remove(pair);
            if (pairs.isEmpty()) {
                tunnels.remove(pair.tunnelId());
            }
        }
        retired.add(pair);
    }

    // ================================================================ routes and ports (under the lock)

    private static String routeKey(String bindInterface, String vpn) {
        return (bindInterface == null ? POLICY_BASED : bindInterface) + "\u0000" + vpn;
    }

    /** The policy of a tunnel interface (made if needed), for {@link PacketLoop}. */
    synchronized TunnelPolicy policy(String name) {
        return policyFor(name);
    }

    private TunnelPolicy policyFor(String name) {
        return policies.computeIfAbsent(name, TunnelPolicy::new);
    }

    private VpnRoute routeFor(String bindInterface, String vpn) {
        String key = routeKey(bindInterface, vpn);
        VpnRoute route = routes.get(key);
        if (route == null) {
            TunnelPolicy policy = policyFor(bindInterface == null ? POLICY_BASED : bindInterface);
            route = new VpnRoute(vpn, policy);
            routes.put(key, route);
            VpnRoute[] before = policy.routes;
            VpnRoute[] after = java.util.Arrays.copyOf(before, before.length + 1);
            after[before.length] = route;
            policy.routes = after;
        }
        return route;
    }

    private void dropRouteIfUnused(VpnRoute route) {
        if (route.configured || !route.pairs.isEmpty()) {
            return;
        }
        routes.values().remove(route);
        TunnelPolicy policy = route.policy;
        List<VpnRoute> kept = new ArrayList<>(List.of(policy.routes));
        kept.remove(route);
        policy.routes = kept.toArray(new VpnRoute[0]);
    }

    private static String portKey(InetAddress local, int protocol) {
        return local.getHostAddress() + "#" + protocol;
    }

    private RawPortHolder portFor(InetAddress local, int protocol) {
        RawPortHolder holder = ports.get(portKey(local, protocol));
        if (holder == null) {
            holder = new RawPortHolder(local, protocol);
            ports.put(portKey(local, protocol), holder);
            if (family != null) {
                openPort(holder);
            } else {
                holder.error = "no device family is active";
            }
        }
        return holder;
    }

    private void openPort(RawPortHolder holder) {
        if (holder.port != null || family == null) {
            return;
        }
        try {
            RawIpPort port = family.openRawIp(holder.local, holder.protocol);
            holder.port = port;
            if (holder.error != null) {
                LOG.info("IPsec data plane: {} is open", holder.name());
            }
            holder.error = null;
            Thread reader = daemon(() -> readPort(holder, port), "secplane-ipsec-" + holder.name().replace(' ', '-'));
            holder.reader = reader;
            reader.start();
        } catch (IOException | RuntimeException e) {
            String error = e.getMessage();
            if (!error.equals(holder.error)) {
                LOG.warn("IPsec data plane: cannot open {} (retrying every second): {}", holder.name(), error);
            }
            holder.error = error;
        }
    }

    private void closePort(RawPortHolder holder) {
        RawIpPort port = holder.port;
        holder.port = null;
        if (port != null) {
            try {
                port.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing {}: {}", holder.name(), e.toString());
            }
        }
    }

    // ================================================================ housekeeping

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("IPsec data plane housekeeping failed", e);
        }
    }

    /**
     * The once-a-second work: removes pairs past their hard lifetime in seconds (key management deletes them
     * first; this is the safety net when it cannot), closes the crypto objects of pairs removed more than two
     * seconds ago, follows the device family's addresses with its standing raw ports and retries raw ports
     * that could not be opened.
     */
    public synchronized void tick() {
        long now = nanoTime.getAsLong();
        for (List<SaPair> pairs : new ArrayList<>(tunnels.values())) {
            for (SaPair pair : new ArrayList<>(pairs)) {
                long hard = pair.childSa().lifetime().hardSeconds();
                if (hard > 0 && now - pair.installedNanos() >= TimeUnit.SECONDS.toNanos(hard)) {
                    LOG.info("{} reached its hard lifetime of {} s without key management removing it: removed", pair,
                            hard);
                    removePair(pair, "hard lifetime");
                }
            }
        }
        for (Iterator<SaPair> it = retired.iterator(); it.hasNext();) {
            SaPair pair = it.next();
            if (now - pair.removedNanos() >= RETIRE_GRACE_NANOS) {
                pair.destroy();
                it.remove();
            }
        }
        syncStandingPorts();
        for (RawPortHolder holder : ports.values()) {
            if (holder.port == null && family != null) {
                openPort(holder);
            }
        }
    }

    // ================================================================ what show and clear use

    /** Installed pairs by tunnel ID, oldest first within a tunnel. */
    public synchronized List<SaPair> pairs() {
        List<SaPair> out = new ArrayList<>();
        for (List<SaPair> pairs : tunnels.values()) {
            out.addAll(pairs);
        }
        out.sort(Comparator.comparingLong(SaPair::tunnelId).thenComparingLong(SaPair::installedNanos));
        return out;
    }

    public DropCounters drops() {
        return drops;
    }

    /** The raw ports and why each is closed, if it is ({@code null} when open). */
    public synchronized Map<String, String> ports() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RawPortHolder holder : ports.values()) {
            out.put(holder.name(), holder.port != null ? null : holder.error);
        }
        return out;
    }

    public long nanoTime() {
        return nanoTime.getAsLong();
    }

    /**
     * {@code clear security ipsec security-associations}, one pair: a negotiated pair goes to key management
     * to be deleted with the peer (and is removed here when key management does not take it); a manual pair
     * is installed afresh from the configuration (new counters, sequence numbers from 1).
     */
    public void clearSecurityAssociation(SaPair pair) {
        if (pair.childSa().origin() == ChildSa.Origin.MANUAL) {
            synchronized (this) {
                ManualEntry entry = manual.get(pair.vpn());
                removePair(pair, "cleared");
                if (entry != null && entry.pair == pair) {
                    manual.remove(pair.vpn());
                    installManual(entry.spec);
                }
            }
            return;
        }
        KeyManager manager = keyManager;
        boolean handled = false;
        if (manager != null) {
            try {
                handled = manager.clear(pair.childSa());
            } catch (RuntimeException e) {
                LOG.warn("key management could not clear {}: {}", pair, e.toString());
            }
        }
        if (!handled) {
            synchronized (this) {
                removePair(pair, "cleared");
            }
        }
    }

    /** {@code clear security ipsec statistics [index N]} ({@code tunnelId} 0: all, with the drop counters). */
    public void clearStatistics(long tunnelId) {
        for (SaPair pair : pairs()) {
            if (tunnelId == 0 || pair.tunnelId() == tunnelId) {
                pair.inbound().clearStatistics();
                pair.outbound().clearStatistics();
            }
        }
        if (tunnelId == 0) {
            drops.clear();
        }
    }

    // ================================================================ SaEvents

    @Override
    public void volumeReached(SaPair pair, boolean hard) {
        KeyManager manager = keyManager;
        if (manager == null || pair.childSa().origin() == ChildSa.Origin.MANUAL) {
            return;
        }
        try {
            manager.expired(pair.childSa(), hard);
        } catch (RuntimeException e) {
            LOG.warn("key management failed on the {} lifetime event of {}: {}", hard ? "hard" : "soft", pair, e.toString());
        }
    }

    // ================================================================ threads

    private void readTunnel(TunnelPolicy policy, TunnelInterface tunnel) {
        Worker worker = new Worker(ivSources);
        try {
            while (!closed && policy.tunnel == tunnel) {
                int length = tunnel.read(Worker.window(worker.aView, HEAD, HEAD + MAX_PACKET));
                if (length < 0) {
                    break;
                }
                try {
                    outbound(worker, policy, length);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        } catch (IOException e) {
            if (!closed && policy.tunnel == tunnel) {
                LOG.warn("IPsec data plane: reading {} failed, its outbound traffic stops: {}", tunnel.name(), e.getMessage());
            }
        } finally {
            worker.close();
        }
    }

    private void readPort(RawPortHolder holder, RawIpPort port) {
        Worker worker = new Worker(ivSources);
        try {
            while (!closed && holder.port == port) {
                ByteBuffer view = Worker.window(worker.aView, 0, MAX_PACKET);
                InetAddress source = port.receive(view);
                if (source == null) {
                    break;
                }
                try {
                    inbound(worker, holder.protocol, holder.local, holder.localBytes, source, view.remaining(), false, port);
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        } catch (IOException e) {
            if (!closed && holder.port == port) {
                LOG.warn("IPsec data plane: receiving {} failed, its inbound traffic stops: {}", holder.name(), e.getMessage());
            }
        } finally {
            worker.close();
        }
    }

    /** ESP in UDP from key management's NAT-T port (RFC 3948), on its thread. */
    public void receiveUdp(ByteBuffer esp, InetSocketAddress remote, InetSocketAddress local) {
        if (closed) {
            return;
        }
        Worker worker = udpWorkers.get();
        int length = Math.min(esp.remaining(), MAX_PACKET);
        esp.get(esp.position(), worker.a, 0, length);
        try {
            inbound(worker, SaPair.ESP, local.getAddress(), null, remote.getAddress(), length, true, null);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(RuntimeException e) {
        drop(DropReason.CRYPTO_FAILURE);
        if (e instanceof CryptoException) {
            LOG.debug("IPsec data plane: crypto failure on a packet", e);
        } else {
            LOG.warn("IPsec data plane: a packet failed", e);
        }
    }

    private void drop(DropReason reason) {
        drops.count(reason);
        if (!reported.contains(reason)) {
            synchronized (reported) {
                if (reported.add(reason)) {
                    LOG.info("IPsec data plane: first packet dropped because {} ({} in show security ipsec statistics "
                            + "| display json); further drops are counted only", reason.description(), reason.key());
                }
            }
        }
    }

    // ================================================================ outbound

    /** A cleartext packet read from {@code policy}'s tunnel interface into {@code w.a} at {@link Worker#HEAD}. */
    void outbound(Worker w, TunnelPolicy policy, int length) {
        byte[] a = w.a;
        PacketInfo p = w.info;
        if (!p.parse(a, HEAD, length)) {
            drop(DropReason.NOT_IP);
            return;
        }
        VpnRoute route = policy.select(p);
        if (route == null) {
            drop(DropReason.NO_POLICY);
            return;
        }
        SaPair pair = route.current;
        if (pair == null || !pair.usable()) {
            if (pair != null && !pair.removed()) {
                drop(DropReason.SA_EXPIRED);
            } else {
                drop(DropReason.NO_SA);
            }
            acquire(route, p);
            return;
        }
        int mss = tcpMss;
        if (mss > 0) {
            TcpMss.clamp(a, HEAD, p, mss);
        }
        SecurityAssociation out = pair.outbound();
        long sequence = out.nextSequence();
        if (sequence < 0) {
            out.markUnusable();
            drop(DropReason.SA_EXPIRED);
            volumeReached(pair, true);
            return;
        }
        if (sequence == SOFT_SEQUENCE && !pair.mayCycleSequence()) {
            volumeReached(pair, false);
        }
        int packetLength = p.totalLength;
        out.account(packetLength);
        int payloadStart;
        int payloadLength;
        int nextHeader;
        if (pair.tunnelMode()) {
            payloadStart = HEAD;
            payloadLength = packetLength;
            nextHeader = p.version == 4 ? 4 : 41;
        } else {
            payloadStart = HEAD + p.headerLength;
            payloadLength = packetLength - p.headerLength;
            nextHeader = p.protocol;
        }
        boolean dontFragment;
        switch (pair.dfBit()) {
            case SET:
                dontFragment = true;
                break;
            case COPY:
                dontFragment = p.dontFragment;
                break;
            default:
                dontFragment = false;
        }
        if (pair.protocol() == SaPair.AH) {
            ahOutbound(w, pair, out, sequence, payloadStart, payloadLength, nextHeader, dontFragment);
            return;
        }
        EspTransform transform = out.esp(crypto);
        int align = transform.alignment();
        int pad = (align - (payloadLength + 2) % align) % align;
        int trailer = payloadStart + payloadLength;
        for (int i = 1; i <= pad; i++) {
            a[trailer + i - 1] = (byte) i;
        }
        a[trailer + pad] = (byte) pad;
        a[trailer + pad + 1] = (byte) nextHeader;
        byte[] b = w.b;
        Bytes.put32(b, ESP_START, out.spi());
        Bytes.put32(b, ESP_START + 4, sequence);
        int total = transform.seal(a, payloadStart, payloadLength + pad + 2, b, ESP_START, sequence + out.ivOffset(), w.iv());
        send(w.bView, pair, ESP_START, total, dontFragment);
    }

    /** RFC 4302 §3.3: the AH header in front of the payload in {@code w.a}, its ICV over the outer header too. */
    private void ahOutbound(Worker w, SaPair pair, SecurityAssociation out, long sequence, int payloadStart,
            int payloadLength, int nextHeader, boolean dontFragment) {
        byte[] a = w.a;
        Mac mac = out.ah(crypto);
        int icv = mac.algorithm().outputSize();
        int ahLength = ahLength(icv, pair.ipv4());
        int ah = payloadStart - ahLength;
        a[ah] = (byte) nextHeader;
        a[ah + 1] = (byte) (ahLength / 4 - 2);
        a[ah + 2] = 0;
        a[ah + 3] = 0;
        Bytes.put32(a, ah + 4, out.spi());
        Bytes.put32(a, ah + 8, sequence);
        java.util.Arrays.fill(a, ah + 12, ah + ahLength, (byte) 0);
        int total = ahLength + payloadLength;
        int header = outerHeader(w.header, pair.ipv4(), pair.localAddressBytes(), pair.remoteAddressBytes(), total);
        mac.update(w.header, 0, header);
        mac.update(a, ah, total);
        mac.finish(a, ah + 12);
        // DF on IPv4: the ICV covers the Identification field, which a raw socket leaves 0 only with DF set
        send(w.aView, pair, ah, total, pair.ipv4() || dontFragment);
    }

    /** AH length: 12 bytes and the ICV, padded to 4 bytes (IPv4) or 8 (IPv6). */
    static int ahLength(int icv, boolean ipv4) {
        int length = 12 + icv;
        int unit = ipv4 ? 4 : 8;
        return (length + unit - 1) / unit * unit;
    }

    /**
     * The outer IP header as AH's ICV sees it (RFC 4302 §3.3.3.1): mutable fields zero (IPv4 TOS, flags and
     * fragment offset, TTL, checksum; IPv6 traffic class, flow label, hop limit), the Identification zero as
     * a raw socket sends it with DF set; returns its length.
     */
    static int outerHeader(byte[] h, boolean ipv4, byte[] source, byte[] destination, int payloadLength) {
        if (ipv4) {
            java.util.Arrays.fill(h, 0, 20, (byte) 0);
            h[0] = 0x45;
            Bytes.put16(h, 2, 20 + payloadLength);
            h[9] = (byte) SaPair.AH;
            System.arraycopy(source, 0, h, 12, 4);
            System.arraycopy(destination, 0, h, 16, 4);
            return 20;
        }
        java.util.Arrays.fill(h, 0, 40, (byte) 0);
        h[0] = 0x60;
        Bytes.put16(h, 4, payloadLength);
        h[6] = (byte) SaPair.AH;
        System.arraycopy(source, 0, h, 8, 16);
        System.arraycopy(destination, 0, h, 24, 16);
        return 40;
    }

    private void send(ByteBuffer view, SaPair pair, int from, int length, boolean dontFragment) {
        Worker.window(view, from, from + length);
        try {
            if (pair.udpEncapsulated()) {
                UdpEncapsulation udp = udpEncapsulation;
                if (udp == null) {
                    drop(DropReason.NO_UDP_ENCAPSULATION);
                    return;
                }
                udp.send(view, pair.localSocket(), pair.remoteSocket());
                return;
            }
            RawPortHolder holder = ((PairBinding) pair.binding()).port;
            RawIpPort port = holder == null ? null : holder.port;
            if (port == null) {
                drop(DropReason.NO_SEND_PORT);
                return;
            }
            port.send(view, pair.remote(), dontFragment);
        } catch (IOException e) {
            drop(DropReason.SEND_FAILED);
            LOG.debug("IPsec data plane: sending on {} failed: {}", pair, e.getMessage());
        }
    }

    private void acquire(VpnRoute route, PacketInfo p) {
        KeyManager manager = keyManager;
        if (manager == null || !route.negotiated) {
            return;
        }
        long now = nanoTime.getAsLong();
        long last = route.lastAcquireNanos;
        if (last != 0 && now - last < ACQUIRE_INTERVAL_NANOS) {
            return;
        }
        route.lastAcquireNanos = now;
        try {
            manager.acquire(route.vpn, host(p, true), host(p, false));
        } catch (RuntimeException e) {
            LOG.warn("key management failed on the acquire for IPsec VPN {}: {}", route.vpn, e.toString());
        }
    }

    /** The packet's source or destination as a one-address selector of its protocol (RFC 7296 §2.9). */
    private static TrafficSelector host(PacketInfo p, boolean source) {
        byte[] address = new byte[p.version == 4 ? 4 : 16];
        long high = source ? p.sourceHigh : p.destinationHigh;
        long low = source ? p.sourceLow : p.destinationLow;
        if (p.version == 4) {
            Bytes.put32(address, 0, low);
        } else {
            Bytes.put64(address, 0, high);
            Bytes.put64(address, 8, low);
        }
        int port = source ? p.sourcePort : p.destinationPort;
        boolean ports = p.protocol == PacketInfo.TCP || p.protocol == PacketInfo.UDP || p.protocol == PacketInfo.SCTP;
        try {
            InetAddress host = InetAddress.getByAddress(address);
            return new TrafficSelector(host, host, p.protocol, ports ? port : 0, ports ? port : 65535);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // ================================================================ inbound

    /**
     * An ESP or AH packet (from the SPI or AH header, outer header removed) in {@code w.a} at 0, from
     * {@code source} to {@code local}; {@code port} is the raw port it came through ({@code null} for UDP).
     */
    void inbound(Worker w, int protocol, InetAddress local, byte[] localBytes, InetAddress source, int length, boolean udp,
            RawIpPort port) {
        if (protocol == SaPair.AH) {
            ahInbound(w, local, localBytes, source, length, port);
        } else {
            espInbound(w, local, localBytes, source, length, udp);
        }
    }

    private void espInbound(Worker w, InetAddress local, byte[] localBytes, InetAddress source, int length, boolean udp) {
        byte[] a = w.a;
        if (length < 8) {
            drop(DropReason.TRUNCATED);
            return;
        }
        long spi = Bytes.u32(a, 0);
        SecurityAssociation in = sad.find(SaPair.ESP, spi, local);
        if (in == null) {
            unknownSpi(source, spi, SaPair.ESP);
            return;
        }
        if (!in.usable()) {
            drop(DropReason.SA_EXPIRED);
            return;
        }
        SaPair pair = in.pair();
        if (pair.udpEncapsulated() != udp) {
            in.badHeader();
            drop(DropReason.WRONG_ENCAPSULATION);
            return;
        }
        long sequence = Bytes.u32(a, 4);
        ReplayWindow replay = in.replay();
        if (replay != null && !replay.check(sequence)) {
            in.replayError();
            drop(DropReason.REPLAY);
            return;
        }
        EspTransform transform = in.esp(crypto);
        byte[] b = w.b;
        int plain = transform.open(a, 0, length, b, HEAD);
        if (plain < 0) {
            if (plain == EspTransform.ICV_MISMATCH) {
                in.authenticationFailure();
                drop(DropReason.ESP_AUTHENTICATION);
            } else if (plain == EspTransform.NOT_BLOCK_ALIGNED) {
                in.decryptionFailure();
                drop(DropReason.DECRYPTION);
            } else {
                in.badHeader();
                drop(DropReason.TRUNCATED);
            }
            return;
        }
        if (replay != null) {
            replay.update(sequence);
        }
        int padLength = b[HEAD + plain - 2] & 0xff;
        int nextHeader = b[HEAD + plain - 1] & 0xff;
        int payload = plain - 2 - padLength;
        if (payload < 0) {
            in.badTrailer();
            drop(DropReason.BAD_TRAILER);
            return;
        }
        if (nextHeader == 59) {
            in.account(0); // a dummy packet (traffic flow confidentiality, RFC 4303 §2.6): silently discarded
            return;
        }
        deliver(w, in, b, w.bView, HEAD, payload, nextHeader, localBytes);
    }

    private void ahInbound(Worker w, InetAddress local, byte[] localBytes, InetAddress source, int length, RawIpPort port) {
        byte[] a = w.a;
        if (length < 12) {
            drop(DropReason.TRUNCATED);
            return;
        }
        long spi = Bytes.u32(a, 4);
        SecurityAssociation in = sad.find(SaPair.AH, spi, local);
        if (in == null) {
            unknownSpi(source, spi, SaPair.AH);
            return;
        }
        if (!in.usable()) {
            drop(DropReason.SA_EXPIRED);
            return;
        }
        SaPair pair = in.pair();
        Mac mac = in.ah(crypto);
        int icv = mac.algorithm().outputSize();
        int ahLength = ((a[1] & 0xff) + 2) * 4;
        if (ahLength < 12 + icv || ahLength > length) {
            in.badHeader();
            drop(DropReason.TRUNCATED);
            return;
        }
        long sequence = Bytes.u32(a, 8);
        ReplayWindow replay = in.replay();
        if (replay != null && !replay.check(sequence)) {
            in.replayError();
            drop(DropReason.REPLAY);
            return;
        }
        byte[] h = w.header;
        int header = port == null ? -1 : port.lastOuterHeader(h, 0);
        if (header < 0) {
            header = outerHeader(h, pair.ipv4(), pair.remoteAddressBytes(), pair.anyLocal() ? localBytes : pair.localAddressBytes(),
                    length);
        } else if (header >= 20 && (h[0] & 0xf0) == 0x40) {
            // mutable fields zero; options are taken as mutable (RFC 4302 §3.3.3.1.1.2 lists few immutable ones)
            h[1] = 0;
            h[6] = 0;
            h[7] = 0;
            h[8] = 0;
            h[10] = 0;
            h[11] = 0;
            java.util.Arrays.fill(h, 20, header, (byte) 0);
        }
        System.arraycopy(a, 12, w.icv, 0, icv);
        java.util.Arrays.fill(a, 12, ahLength, (byte) 0);
        mac.update(h, 0, header);
        mac.update(a, 0, length);
        if (!mac.verify(w.icv, 0)) {
            in.authenticationFailure();
            drop(DropReason.AH_AUTHENTICATION);
            return;
        }
        if (replay != null) {
            replay.update(sequence);
        }
        deliver(w, in, a, w.aView, ahLength, length - ahLength, a[0] & 0xff, localBytes);
    }

    /** The payload of an authenticated packet: tunnel mode, the inner packet; transport mode, a rebuilt one. */
    private void deliver(Worker w, SecurityAssociation in, byte[] buffer, ByteBuffer view, int start, int length,
            int nextHeader, byte[] localBytes) {
        SaPair pair = in.pair();
        PacketInfo p = w.info;
        int packetStart;
        int packetLength;
        if (pair.tunnelMode()) {
            if (nextHeader != 4 && nextHeader != 41) {
                in.badTrailer();
                drop(DropReason.BAD_TRAILER);
                return;
            }
            if (!p.parse(buffer, start, length) || p.version != (nextHeader == 4 ? 4 : 6)) {
                in.badHeader();
                drop(DropReason.BAD_INNER_HEADER);
                return;
            }
            packetStart = start;
            packetLength = p.totalLength; // anything after it is traffic flow confidentiality padding
        } else {
            // transport mode: the host gets the payload back under the outer addresses (RFC 4303 §3.1.1)
            byte[] b = w.b;
            if (buffer != b) {
                System.arraycopy(buffer, start, b, HEAD, length);
            }
            buffer = b;
            view = w.bView;
            byte[] destination = pair.anyLocal() ? localBytes : pair.localAddressBytes();
            packetStart = HEAD - rebuildHeader(b, HEAD, pair.ipv4(), pair.remoteAddressBytes(), destination, nextHeader,
                    length);
            packetLength = HEAD + length - packetStart;
            p.parse(b, packetStart, packetLength);
        }
        if (!Selector.anyMatches(pair.remoteSelectors(), p, true) || !Selector.anyMatches(pair.localSelectors(), p, false)) {
            in.badHeader();
            drop(DropReason.SELECTOR_MISMATCH);
            return;
        }
        in.account(packetLength);
        int mss = tcpMss;
        if (mss > 0) {
            TcpMss.clamp(buffer, packetStart, p, mss);
        }
        TunnelInterface tunnel = ((PairBinding) pair.binding()).route.policy.tunnel;
        if (tunnel == null) {
            drop(DropReason.NO_TUNNEL_INTERFACE);
            return;
        }
        try {
            tunnel.write(Worker.window(view, packetStart, packetStart + packetLength));
        } catch (IOException e) {
            drop(DropReason.DELIVERY_FAILED);
            LOG.debug("IPsec data plane: writing to {} failed: {}", tunnel.name(), e.getMessage());
        }
    }

    /** Writes an IPv4 (20 bytes) or IPv6 (40 bytes) header ending at {@code end}; returns its length. */
    private static int rebuildHeader(byte[] b, int end, boolean ipv4, byte[] source, byte[] destination, int protocol,
            int payloadLength) {
        if (ipv4) {
            int h = end - 20;
            java.util.Arrays.fill(b, h, end, (byte) 0);
            b[h] = 0x45;
            Bytes.put16(b, h + 2, 20 + payloadLength);
            b[h + 8] = 64;
            b[h + 9] = (byte) protocol;
            System.arraycopy(source, 0, b, h + 12, 4);
            System.arraycopy(destination, 0, b, h + 16, 4);
            Bytes.put16(b, h + 10, org.secplane.ipsec.internal.packet.Checksums.checksum(b, h, 20));
            return 20;
        }
        int h = end - 40;
        java.util.Arrays.fill(b, h, end, (byte) 0);
        b[h] = 0x60;
        Bytes.put16(b, h + 4, payloadLength);
        b[h + 6] = (byte) protocol;
        b[h + 7] = 64;
        System.arraycopy(source, 0, b, h + 8, 16);
        System.arraycopy(destination, 0, b, h + 24, 16);
        return 40;
    }

    private void unknownSpi(InetAddress source, long spi, int protocol) {
        drop(DropReason.UNKNOWN_SPI);
        KeyManager manager = keyManager;
        if (manager == null || source == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        long last = lastUnknownSpiNanos;
        if (last != 0 && now - last < UNKNOWN_SPI_INTERVAL_NANOS) {
            return; // at most ten a second go to key management, whatever a flood of bad packets does
        }
        lastUnknownSpiNanos = now;
        try {
            manager.unknownSpi(source, spi, protocol);
        } catch (RuntimeException e) {
            LOG.warn("key management failed on an unknown SPI: {}", e.toString());
        }
    }

    // ================================================================ life

    @Override
    public void close() {
        List<SaPair> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (RawPortHolder holder : ports.values()) {
                closePort(holder);
            }
            for (TunnelPolicy policy : policies.values()) {
                policy.tunnel = null;
            }
            all = pairs();
            for (SaPair pair : all) {
                removePair(pair, "data plane stopped");
            }
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        // the readers see closed and stop; give any packet in flight its grace before wiping the keys
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (SaPair pair : retired) {
                pair.destroy();
            }
            retired.clear();
        }
    }

    /** Settings last applied (for status output). */
    public synchronized DataPlaneSettings settings() {
        return settings;
    }
}
