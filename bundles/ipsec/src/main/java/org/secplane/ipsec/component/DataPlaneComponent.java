package org.secplane.ipsec.component;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secplane.config.CommitInfo;
import org.secplane.config.CommitListener;
import org.secplane.config.ConfigView;
import org.secplane.config.ConfigurationService;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.driver.DeviceFamily;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.EspInUdpReceiver;
import org.secplane.ipsec.KeyManager;
import org.secplane.ipsec.SaInstaller;
import org.secplane.ipsec.UdpEncapsulation;
import org.secplane.ipsec.internal.config.DataPlaneConfiguration;
import org.secplane.ipsec.internal.esp.KeystreamIvSource;
import org.secplane.ipsec.internal.forward.DataPlane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPsec data plane as services: {@link SaInstaller} for key management, {@link EspInUdpReceiver} for
 * ESP in UDP from key management's NAT-T port, and a {@link CommitListener} that installs manual SAs and
 * follows MSS clamping and the VPNs' tunnel interfaces. The device family, key management
 * ({@link KeyManager}) and its {@link UdpEncapsulation} are optional, dynamic, greedy references: the data
 * plane works with what is there (no family: SAs wait for their ports; no key management: no negotiation
 * on traffic, no lifetime events; no NAT-T port: UDP-encapsulated SAs cannot send, counted). The engine is
 * {@link DataPlane}; the commands of this bundle reach it through {@link #dataPlane()}.
 */
@Component(service = {SaInstaller.class, EspInUdpReceiver.class, CommitListener.class, DataPlaneComponent.class},
        immediate = true)
public class DataPlaneComponent implements SaInstaller, EspInUdpReceiver, CommitListener {

    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneComponent.class);

    private final DataPlane dataPlane;
    private final TunnelInterfacesComponent tunnels;
    /**
     * Optional and dynamic, not a constructor reference: the configuration engine binds this component as a
     * {@link CommitListener} while it activates, and a static reference back to it made that a circular
     * reference that SCR sometimes resolved by leaving this listener unbound (no manual SAs, ever).
     */
    private volatile ConfigurationService configuration;
    /** The last committed configuration, applied again when the configuration service (the key opener) binds. */
    private volatile ConfigView lastActive;

    @Activate
    public DataPlaneComponent(@Reference TunnelInterfacesComponent tunnels, @Reference CryptoRegistry crypto) {
        this.tunnels = tunnels;
        SecureRandom random = new SecureRandom();
        this.dataPlane = new DataPlane(crypto, () -> new KeystreamIvSource(crypto, random), System::nanoTime, true);
        tunnels.registry().addListener(dataPlane);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeConfiguration")
    void addConfiguration(ConfigurationService service) {
        configuration = service;
        ConfigView active = lastActive;
        if (active != null) {
            apply(active);
        }
    }

    void removeConfiguration(ConfigurationService service) {
        if (configuration == service) {
            configuration = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFamily")
    void addFamily(DeviceFamily family) {
        dataPlane.familyAdded(family);
    }

    void removeFamily(DeviceFamily family) {
        dataPlane.familyRemoved(family);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeKeyManager")
    void addKeyManager(KeyManager manager) {
        dataPlane.setKeyManager(manager);
    }

    void removeKeyManager(KeyManager manager) {
        dataPlane.setKeyManager(null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeUdpEncapsulation")
    void addUdpEncapsulation(UdpEncapsulation encapsulation) {
        dataPlane.setUdpEncapsulation(encapsulation);
    }

    void removeUdpEncapsulation(UdpEncapsulation encapsulation) {
        dataPlane.setUdpEncapsulation(null);
    }

    @Deactivate
    void deactivate() {
        tunnels.registry().removeListener(dataPlane);
        dataPlane.close();
    }

    @Override
    public void committed(ConfigView active, CommitInfo commit) {
        lastActive = active;
        apply(active);
    }

    private synchronized void apply(ConfigView active) {
        try {
            dataPlane.apply(DataPlaneConfiguration.of(active, this::revealSecret));
        } catch (RuntimeException e) {
            LOG.warn("IPsec data plane: the committed configuration could not be applied", e);
        }
    }

    /** A manual SA's key opened from its sealed form; the SA is not installed (and says why) without the service. */
    private byte[] revealSecret(String sealed) {
        ConfigurationService service = configuration;
        if (service == null) {
            throw new IllegalArgumentException("the configuration service that opens keys is not available yet");
        }
        return service.revealSecret(sealed);
    }

    @Override
    public void install(ChildSa sa) {
        dataPlane.install(sa);
    }

    @Override
    public void remove(ChildSa sa) {
        dataPlane.remove(sa);
    }

    @Override
    public long[] counters(ChildSa sa) {
        long[] counters = dataPlane.counters(sa);
        return counters == null ? new long[4] : counters;
    }

    @Override
    public void receive(ByteBuffer buffer, InetSocketAddress remote, InetSocketAddress local) {
        dataPlane.receiveUdp(buffer, remote, local);
    }

    /** The engine, for this bundle's commands. */
    public DataPlane dataPlane() {
        return dataPlane;
    }
}
