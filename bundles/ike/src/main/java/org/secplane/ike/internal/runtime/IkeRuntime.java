package org.secplane.ike.internal.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.secplane.config.ConfigView;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.driver.DeviceFamily;
import org.secplane.ike.internal.auth.LocalCredentials;
import org.secplane.ike.internal.auth.PeerCertificateValidator;
import org.secplane.ike.internal.engine.IkeEngine;
import org.secplane.ike.internal.engine.IkeSaInfo;
import org.secplane.ike.internal.engine.IkeScheduler;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.PolicyMapper;
import org.secplane.ike.internal.sa.SaHost;
import org.secplane.ipsec.SaInstaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key management as the running product has it, in plain Java: the {@link IkeEngine}, its UDP ports on the
 * active device family ({@link IkePorts}), the installer that hands CHILD SAs to the data plane or records
 * them ({@link InstallerSwitch}), and the mapping of every committed configuration to the engine's policy.
 * The OSGi component only feeds it services and commits.
 *
 * <p>A commit whose IKE part (the statements the mapping reads: {@code security ike}, {@code security ipsec},
 * {@code interfaces}, security policies, zones and address books, applications) is unchanged is not applied
 * at all, so it cannot disturb an SA.
 */
public final class IkeRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IkeRuntime.class);
    /** The statements {@link PolicyMapper} reads. */
    private static final List<List<String>> RELEVANT = List.of(List.of("security", "ike"), List.of("security", "ipsec"),
            List.of("interfaces"), List.of("security", "policies"), List.of("security", "zones"),
            List.of("security", "address-book"), List.of("applications"));

    private final IkeScheduler scheduler;
    private final IkePorts ports;
    private final InstallerSwitch installer;
    private final IkeEngine engine;
    private final PolicyMapper mapper;
    private String appliedFingerprint;
    private Runnable release;
    private DeviceFamily family;
    private volatile List<String> problems = List.of();

    public IkeRuntime(CryptoRegistry crypto, Function<String, byte[]> revealSecret, LocalCredentials credentials,
            PeerCertificateValidator validator) {
        this(crypto, revealSecret, credentials, validator, new SaHost.Settings());
    }

    public IkeRuntime(CryptoRegistry crypto, Function<String, byte[]> revealSecret, LocalCredentials credentials,
            PeerCertificateValidator validator, SaHost.Settings settings) {
        this.scheduler = IkeScheduler.threaded();
        IkeEngine[] built = new IkeEngine[1];
        this.ports = new IkePorts(settings.ikePort, settings.natTPort,
                (buf, off, len, local, remote) -> built[0].receive(buf, off, len, local, remote), scheduler);
        this.installer = new InstallerSwitch(tunnels -> {
            for (long tunnel : tunnels) {
                built[0].rekeyChildSecurityAssociations(tunnel);
            }
        });
        this.engine = IkeEngine.builder()
                .transport(ports)
                .installer(installer)
                .crypto(crypto)
                .scheduler(scheduler)
                .credentials(credentials)
                .validator(validator)
                .settings(settings)
                .build();
        built[0] = engine;
        this.mapper = new PolicyMapper(revealSecret);
    }

    /** A commit (or the configuration at start): mapped and applied unless its IKE part is unchanged. */
    public synchronized void committed(ConfigView active) {
        String fingerprint = fingerprint(active);
        if (fingerprint.equals(appliedFingerprint)) {
            return;
        }
        IkePolicy policy = mapper.map(active);
        problems = mapper.problems();
        for (String problem : problems) {
            LOG.warn("IKE configuration: {}", problem);
        }
        appliedFingerprint = fingerprint;
        // the new ports first, so that what the engine initiates at once finds them open; the old ones stay until
        // the SAs on them (deleted by the change, with a Delete to the peer) are gone
        Set<InetAddress> wanted = addresses(policy, family);
        wanted.addAll(ports.addresses());
        ports.addresses(wanted);
        engine.apply(policy);
        releaseUnusedPorts();
    }

    /**
     * Closes the ports no gateway needs once no IKE SA uses them any more; checks again every second while
     * some are still in use (an SA being deleted waits for the peer's answer to its Delete).
     */
    private synchronized void releaseUnusedPorts() {
        cancelRelease();
        Set<InetAddress> needed = addresses(engine.policy(), family);
        Set<InetAddress> inUse = new LinkedHashSet<>(needed);
        for (IkeSaInfo sa : engine.ikeSecurityAssociations()) {
            inUse.add(sa.local().getAddress());
        }
        inUse.retainAll(ports.addresses());
        inUse.addAll(needed);
        ports.addresses(inUse);
        if (!inUse.equals(needed)) {
            release = scheduler.schedule(this::releaseUnusedPorts, 1000);
        }
    }

    private void cancelRelease() {
        if (release != null) {
            release.run();
            release = null;
        }
    }

    /** The active device family, or {@code null} when none is. */
    public synchronized void family(DeviceFamily next) {
        family = next;
        ports.family(next);
        listen();
    }

    /** The family {@code gone} is no longer active (ignored when another one took its place). */
    public synchronized void familyGone(DeviceFamily gone) {
        if (family == gone) {
            family(null);
        }
    }

    private void listen() {
        releaseUnusedPorts();
    }

    /** Where IKE listens: the gateways' external-interface addresses, or the family's for a gateway without one. */
    static Set<InetAddress> addresses(IkePolicy policy, DeviceFamily family) {
        Set<InetAddress> out = new LinkedHashSet<>();
        boolean any = false;
        for (PeerConfig gateway : policy.gateways.values()) {
            if (gateway.localAddress != null) {
                out.add(gateway.localAddress);
            } else {
                any = true;
            }
        }
        if (any && family != null) {
            out.addAll(family.localAddresses());
        }
        return out;
    }

    public void installerAdded(SaInstaller dataPlane) {
        installer.attach(dataPlane);
    }

    public void installerRemoved(SaInstaller dataPlane) {
        installer.detach(dataPlane);
    }

    /** The data plane's ESP-in-UDP receiver, or {@code null}. */
    public void espReceiver(IkePorts.EspReceiver receiver) {
        ports.espReceiver(receiver);
    }

    /** ESP in UDP from the NAT-T port (the data plane's sending side). */
    public void sendEsp(ByteBuffer esp, InetSocketAddress local, InetSocketAddress remote) throws IOException {
        ports.sendEsp(esp, local, remote);
    }

    public IkeEngine engine() {
        return engine;
    }

    public IkePorts ports() {
        return ports;
    }

    public InstallerSwitch installer() {
        return installer;
    }

    /** What the last mapping could not map exactly. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public synchronized void close() {
        cancelRelease();
        ports.close();
        engine.close();
        scheduler.shutdown();
    }

    /** The relevant statements as text: equal text, equal IKE configuration. */
    static String fingerprint(ConfigView root) {
        StringBuilder text = new StringBuilder();
        for (List<String> path : RELEVANT) {
            root.find(path.toArray(new String[0])).ifPresent(v -> dump(v, text));
            text.append('\n');
        }
        return text.toString();
    }

    private static void dump(ConfigView v, StringBuilder text) {
        text.append(v.statementText()).append('{');
        for (ConfigView c : v.children()) {
            dump(c, text);
        }
        text.append('}');
    }

    @Override
    public String toString() {
        return "IKE runtime (" + Objects.toString(family == null ? null : family.name(), "no device family") + ")";
    }
}
