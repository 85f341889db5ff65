package org.secplane.driver.simulator.internal.accelerator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secplane.crypto.Algorithm;
import org.secplane.driver.OffloadMode;
import org.secplane.driver.PolicySpec;
import org.secplane.driver.SaOffload;
import org.secplane.driver.SaSpec;

/**
 * The SA offload side of a simulated accelerator, with the limits its data file gives: the offload modes
 * it supports, its algorithms (not those with an erratum), {@code max-sas}, and whether it can do UDP
 * encapsulation. An explicit mode it cannot do throws {@link UnsupportedOperationException} naming every
 * reason; {@code AUTO} takes packet mode, else crypto mode, else falls back to {@code NONE} (the Java data
 * plane). Keys are kept as copies and zeroed when the SA is deleted. Thread-safe.
 */
public final class SimulatedSaOffload implements SaOffload {

    private final AcceleratorSpec spec;
    private final Map<String, Installed> sas = new LinkedHashMap<>();
    private final Set<PolicySpec> policies = new LinkedHashSet<>();

    public SimulatedSaOffload(AcceleratorSpec spec) {
        this.spec = spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Set<String> features() {
        Set<String> features = new LinkedHashSet<>();
        for (OffloadMode mode : spec.offloadModes()) {
            features.add(mode.name().toLowerCase(java.util.Locale.ROOT));
        }
        features.addAll(spec.features());
        for (Algorithm algorithm : spec.algorithms()) {
            if (!spec.failing().contains(algorithm)) {
                features.add(algorithm.label());
            }
        }
        return Collections.unmodifiableSet(features);
    }

    @Override
    public int maxSas() {
        return spec.maxSas();
    }

    @Override
    public synchronized OffloadMode addSa(SaSpec sa, OffloadMode mode) {
        String key = key(sa.spi, sa.destination, sa.protocol);
        if (sas.containsKey(key)) {
            throw new IllegalStateException(spec.name() + ": SA " + describe(sa) + " is already installed");
        }
        switch (mode) {
            case NONE:
                return OffloadMode.NONE;
            case CRYPTO:
            case PACKET:
                List<String> missing = missing(sa, mode);
                if (!missing.isEmpty()) {
                    throw new UnsupportedOperationException(spec.name() + " cannot offload SA " + describe(sa) + " in "
                            + mode.name().toLowerCase(java.util.Locale.ROOT) + " mode: " + String.join("; ", missing));
                }
                install(key, sa, mode);
                return mode;
            case AUTO:
                for (OffloadMode candidate : new OffloadMode[] {OffloadMode.PACKET, OffloadMode.CRYPTO}) {
                    if (missing(sa, candidate).isEmpty()) {
                        install(key, sa, candidate);
                        return candidate;
                    }
                }
                return OffloadMode.NONE;
            default:
                throw new IllegalArgumentException("offload mode " + mode);
        }
    }

    /** Why {@code sa} cannot be offloaded in {@code mode}; empty when it can. */
    public synchronized List<String> missing(SaSpec sa, OffloadMode mode) {
        List<String> missing = new ArrayList<>();
        if (!spec.offloadModes().contains(mode)) {
            missing.add(mode.name().toLowerCase(java.util.Locale.ROOT) + " offload is not supported (it supports "
                    + (spec.offloadModes().isEmpty() ? "none" : spec.offloadModes().toString().toLowerCase(java.util.Locale.ROOT)) + ")");
        }
        checkAlgorithm(sa.encryption, "encryption", missing);
        checkAlgorithm(sa.integrity, "integrity", missing);
        if (mode == OffloadMode.PACKET && (sa.encapsulationSourcePort != 0 || sa.encapsulationDestinationPort != 0)
                && !spec.features().contains("udp-encapsulation")) {
            missing.add("UDP encapsulation (NAT-T) is not supported");
        }
        if (sas.size() >= spec.maxSas()) {
            missing.add("its SA table is full (" + spec.maxSas() + " SAs)");
        }
        return missing;
    }

    private void checkAlgorithm(String label, String role, List<String> missing) {
        if (label == null) {
            return;
        }
        Algorithm algorithm;
        try {
            algorithm = Algorithm.byLabel(label);
        } catch (IllegalArgumentException e) {
            missing.add(role + " algorithm " + label + " is unknown");
            return;
        }
        if (!spec.algorithms().contains(algorithm)) {
            missing.add(role + " algorithm " + label + " is not supported");
        } else if (spec.failing().contains(algorithm)) {
            missing.add(role + " algorithm " + label + " fails its known-answer tests on this device");
        }
    }

    private void install(String key, SaSpec sa, OffloadMode mode) {
        sas.put(key, new Installed(copy(sa), mode));
    }

    @Override
    public synchronized void updateSa(SaSpec sa) {
        String match = null;
        for (Map.Entry<String, Installed> entry : sas.entrySet()) {
            SaSpec installed = entry.getValue().sa;
            if (installed.spi == sa.spi && installed.protocol == sa.protocol && installed.inbound == sa.inbound) {
                match = entry.getKey();
                break;
            }
        }
        if (match == null) {
            throw new IllegalStateException(spec.name() + ": SA " + describe(sa) + " is not installed");
        }
        Installed old = sas.remove(match);
        zero(old.sa);
        sas.put(key(sa.spi, sa.destination, sa.protocol), new Installed(copy(sa), old.mode, old.packets, old.bytes));
    }

    @Override
    public synchronized void deleteSa(long spi, String destination, int protocol) {
        Installed removed = sas.remove(key(spi, destination, protocol));
        if (removed != null) {
            zero(removed.sa);
            policies.removeIf(policy -> policy.spi == spi);
        }
    }

    @Override
    public synchronized SaCounters querySa(long spi, String destination, int protocol) {
        Installed installed = sas.get(key(spi, destination, protocol));
        return installed == null ? new SaCounters(false, 0, 0) : new SaCounters(true, installed.packets, installed.bytes);
    }

    /** The mode an installed SA runs in, or {@code NONE}. */
    public synchronized OffloadMode modeOf(long spi, String destination, int protocol) {
        Installed installed = sas.get(key(spi, destination, protocol));
        return installed == null ? OffloadMode.NONE : installed.mode;
    }

    /** Counts a packet the device processed for an installed SA (the simulated data path calls this). */
    public synchronized void account(long spi, String destination, int protocol, int bytes) {
        Installed installed = sas.get(key(spi, destination, protocol));
        if (installed != null) {
            installed.packets++;
            installed.bytes += bytes;
        }
    }

    public synchronized int installedSas() {
        return sas.size();
    }

    @Override
    public synchronized void addPolicy(PolicySpec policy) {
        if (!spec.offloadModes().contains(OffloadMode.PACKET)) {
            throw new UnsupportedOperationException(spec.name() + " cannot offload policies: packet offload is not supported");
        }
        boolean found = false;
        for (Installed installed : sas.values()) {
            found |= installed.sa.spi == policy.spi && installed.mode == OffloadMode.PACKET;
        }
        if (!found) {
            throw new UnsupportedOperationException(spec.name() + " cannot offload the policy " + policy.localPrefix + " -> "
                    + policy.remotePrefix + ": SA 0x" + Long.toHexString(policy.spi) + " is not installed in packet mode");
        }
        policies.add(policy);
    }

    @Override
    public synchronized void deletePolicy(PolicySpec policy) {
        policies.remove(policy);
    }

    public synchronized int installedPolicies() {
        return policies.size();
    }

    private static SaSpec copy(SaSpec sa) {
        return new SaSpec(sa.spi, sa.protocol, sa.source, sa.destination, sa.inbound, sa.tunnelMode, sa.encryption,
                sa.encryptionKey == null ? null : sa.encryptionKey.clone(), sa.integrity,
                sa.integrityKey == null ? null : sa.integrityKey.clone(), sa.encapsulationSourcePort,
                sa.encapsulationDestinationPort, sa.replayWindow, sa.lifetimeBytes);
    }

    private static void zero(SaSpec sa) {
        if (sa.encryptionKey != null) {
            Arrays.fill(sa.encryptionKey, (byte) 0);
        }
        if (sa.integrityKey != null) {
            Arrays.fill(sa.integrityKey, (byte) 0);
        }
    }

    private static String key(long spi, String destination, int protocol) {
        return Long.toHexString(spi) + "/" + destination + "/" + protocol;
    }

    private static String describe(SaSpec sa) {
        return "0x" + Long.toHexString(sa.spi) + " to " + sa.destination + (sa.protocol == 51 ? " (AH)" : " (ESP)");
    }

    private static final class Installed {
        final SaSpec sa;
        final OffloadMode mode;
        long packets;
        long bytes;

        Installed(SaSpec sa, OffloadMode mode) {
            this(sa, mode, 0, 0);
        }

        Installed(SaSpec sa, OffloadMode mode, long packets, long bytes) {
            this.sa = sa;
            this.mode = mode;
            this.packets = packets;
            this.bytes = bytes;
        }
    }
}
