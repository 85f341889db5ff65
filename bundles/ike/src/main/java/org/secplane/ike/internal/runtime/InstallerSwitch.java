package org.secplane.ike.internal.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.SaInstaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link SaInstaller}: the data plane's when one is registered, else a recording installer that
 * keeps the pairs (so key management and its {@code show} commands work without a data plane; nothing carries
 * traffic then). Each pair is removed from, and counted by, the installer that took it.
 *
 * <p>When a data plane appears, the recorded pairs move into it (it takes over their key arrays). When the
 * data plane goes away its pairs are gone with it and this side keeps no keys to re-install them: the
 * tunnels concerned are handed to {@code rekey}, so fresh pairs are negotiated and installed wherever
 * installs go then.
 */
public final class InstallerSwitch implements SaInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(InstallerSwitch.class);

    private final Recording recording = new Recording();
    private final Consumer<Set<Long>> rekey;
    private volatile SaInstaller dataPlane;
    /** Inbound SPI → the installer that holds the pair, and the pair's tunnel. */
    private final Map<Long, Placement> owners = new ConcurrentHashMap<>();

    private record Placement(SaInstaller installer, long tunnelId) {
    }

    /** {@code rekey}: called with the tunnel IDs whose pairs a departed data plane took with it. */
    public InstallerSwitch(Consumer<Set<Long>> rekey) {
        this.rekey = rekey;
    }

    @Override
    public void install(ChildSa sa) {
        SaInstaller target = dataPlane;
        if (target != null) {
            try {
                target.install(sa);
                owners.put(sa.inboundSpi(), new Placement(target, sa.tunnelId()));
                return;
            } catch (RuntimeException e) {
                LOG.warn("the data plane did not install SA pair {}/{} of VPN {}: {}; kept by key management only",
                        Long.toHexString(sa.inboundSpi()), Long.toHexString(sa.outboundSpi()), sa.vpn(), e.toString());
            }
        }
        recording.install(sa);
        owners.put(sa.inboundSpi(), new Placement(recording, sa.tunnelId()));
    }

    @Override
    public void remove(ChildSa sa) {
        Placement owner = owners.remove(sa.inboundSpi());
        if (owner != null) {
            owner.installer().remove(sa);
        }
    }

    @Override
    public long[] counters(ChildSa sa) {
        Placement owner = owners.get(sa.inboundSpi());
        return owner == null ? new long[4] : owner.installer().counters(sa);
    }

    /** A data plane registered its installer: recorded pairs move into it. */
    public synchronized void attach(SaInstaller installer) {
        dataPlane = installer;
        for (ChildSa sa : recording.drain()) {
            try {
                installer.install(sa);
                owners.put(sa.inboundSpi(), new Placement(installer, sa.tunnelId()));
            } catch (RuntimeException e) {
                LOG.warn("the data plane did not take SA pair {} of VPN {}: {}", Long.toHexString(sa.inboundSpi()), sa.vpn(),
                        e.toString());
                recording.install(sa);
            }
        }
    }

    /** The data plane's installer went away: its pairs are rekeyed. */
    public synchronized void detach(SaInstaller installer) {
        if (dataPlane == installer) {
            dataPlane = null;
        }
        Set<Long> tunnels = new TreeSet<>();
        for (Map.Entry<Long, Placement> e : List.copyOf(owners.entrySet())) {
            if (e.getValue().installer() == installer) {
                owners.remove(e.getKey(), e.getValue());
                tunnels.add(e.getValue().tunnelId());
            }
        }
        if (!tunnels.isEmpty()) {
            LOG.info("the data plane went away with the SA pairs of tunnels {}: rekeying them", tunnels);
            rekey.accept(tunnels);
        }
    }

    /** Whether a data plane takes the pairs. */
    public boolean hasDataPlane() {
        return dataPlane != null;
    }

    /** Pairs kept by key management only (no data plane). */
    public Collection<ChildSa> recorded() {
        return recording.pairs.values();
    }

    /** The recording installer: pairs by inbound SPI; their keys are zeroed when they are removed. */
    private final class Recording implements SaInstaller {
        final Map<Long, ChildSa> pairs = new ConcurrentHashMap<>();

        @Override
        public void install(ChildSa sa) {
            pairs.put(sa.inboundSpi(), sa);
        }

        @Override
        public void remove(ChildSa sa) {
            ChildSa kept = pairs.remove(sa.inboundSpi());
            if (kept != null) {
                wipe(kept);
            }
        }

        @Override
        public long[] counters(ChildSa sa) {
            return new long[4];
        }

        List<ChildSa> drain() {
            List<ChildSa> out = new ArrayList<>(pairs.values());
            pairs.clear();
            return out;
        }
    }

    private static void wipe(ChildSa sa) {
        for (byte[] key : new byte[][] {sa.inboundEncryptionKey(), sa.inboundIntegrityKey(), sa.outboundEncryptionKey(),
            sa.outboundIntegrityKey()}) {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}
