package org.secplane.ike.component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
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
import org.secplane.ike.internal.auth.StoreCredentials;
import org.secplane.ike.internal.auth.StoreValidator;
import org.secplane.ike.internal.runtime.IkeRuntime;
import org.secplane.ike.internal.runtime.IkeTunables;
import org.secplane.ike.internal.sa.SaHost;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.EspInUdpReceiver;
import org.secplane.ipsec.KeyManager;
import org.secplane.ipsec.SaInstaller;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.UdpEncapsulation;
import org.secplane.keystore.KeyPairStore;
import org.secplane.pki.CertificateStore;
import org.secplane.pki.PathValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key management in the running product: owns the {@link IkeRuntime} (the IKEv2 engine, its UDP ports, the SA
 * installer switch) for the component's lifetime, follows every commit ({@link CommitListener}), and is the
 * data plane's {@link KeyManager} and {@link UdpEncapsulation}. Every collaborator but the crypto registry is an
 * optional, dynamic, greedy reference: the device family (where the UDP ports are), the data plane's
 * {@link SaInstaller} and {@link EspInUdpReceiver}, the configuration service (to open pre-shared keys), and the
 * PKI's {@link CertificateStore}, {@link PathValidator} and the key store's {@link KeyPairStore} for certificate
 * authentication; each may come, go or be replaced without restarting key management or dropping an SA.
 * The operational commands reach the runtime through {@link #runtime()} (this component is also registered
 * under its own, bundle-private type).
 */
@Component(service = {CommitListener.class, KeyManager.class, UdpEncapsulation.class, IkeServiceComponent.class},
        immediate = true, configurationPid = IkeTunables.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class IkeServiceComponent implements CommitListener, KeyManager, UdpEncapsulation {

    private static final Logger LOG = LoggerFactory.getLogger(IkeServiceComponent.class);

    private final IkeRuntime runtime;
    private final SaHost.Settings settings = new SaHost.Settings();
    private volatile ConfigurationService configuration;
    private volatile CertificateStore certificates;
    private volatile KeyPairStore keys;
    private volatile PathValidator pathValidator;

    /** {@code properties}: the knobs of {@code etc/org.secplane.ike.cfg} ({@link IkeTunables}), when it exists. */
    @Activate
    public IkeServiceComponent(@Reference CryptoRegistry crypto, Map<String, Object> properties) {
        tune(properties);
        this.runtime = new IkeRuntime(crypto, this::revealSecret, new StoreCredentials(() -> certificates, () -> keys),
                new StoreValidator(() -> pathValidator, () -> certificates, Instant::now), settings);
    }

    @Modified
    void tune(Map<String, Object> properties) {
        for (String problem : IkeTunables.apply(properties, settings)) {
            LOG.error("{}", problem);
        }
    }

    @Deactivate
    void deactivate() {
        runtime.close();
    }

    /** The runtime, for the operational commands. */
    public IkeRuntime runtime() {
        return runtime;
    }

    private byte[] revealSecret(String sealed) {
        ConfigurationService service = configuration;
        if (service == null) {
            throw new IllegalStateException("the configuration service is not available to open the pre-shared key");
        }
        return service.revealSecret(sealed);
    }

    @Override
    public void committed(ConfigView active, CommitInfo commit) {
        runtime.committed(active);
    }

    // ---------------------------------------------------------------------------------------- references

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFamily")
    void addFamily(DeviceFamily family) {
        runtime.family(family);
    }

    void removeFamily(DeviceFamily family) {
        runtime.familyGone(family);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeInstaller")
    void addInstaller(SaInstaller installer) {
        runtime.installerAdded(installer);
    }

    void removeInstaller(SaInstaller installer) {
        runtime.installerRemoved(installer);
    }

    private volatile EspInUdpReceiver espReceiver;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeEspReceiver")
    void addEspReceiver(EspInUdpReceiver receiver) {
        espReceiver = receiver;
        runtime.espReceiver(receiver::receive);
    }

    void removeEspReceiver(EspInUdpReceiver receiver) {
        if (espReceiver == receiver) {
            espReceiver = null;
            runtime.espReceiver(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeConfiguration")
    void addConfiguration(ConfigurationService service) {
        configuration = service;
    }

    void removeConfiguration(ConfigurationService service) {
        if (configuration == service) {
            configuration = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeCertificates")
    void addCertificates(CertificateStore store) {
        certificates = store;
    }

    void removeCertificates(CertificateStore store) {
        if (certificates == store) {
            certificates = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeKeys")
    void addKeys(KeyPairStore store) {
        keys = store;
    }

    void removeKeys(KeyPairStore store) {
        if (keys == store) {
            keys = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePathValidator")
    void addPathValidator(PathValidator validator) {
        pathValidator = validator;
    }

    void removePathValidator(PathValidator validator) {
        if (pathValidator == validator) {
            pathValidator = null;
        }
    }

    // ---------------------------------------------------------------------------------------- KeyManager

    @Override
    public void acquire(String vpn, TrafficSelector source, TrafficSelector destination) {
        runtime.engine().acquire(vpn, source, destination);
    }

    @Override
    public void expired(ChildSa sa, boolean hard) {
        runtime.engine().expired(sa, hard);
    }

    @Override
    public void unknownSpi(InetAddress peer, long spi, int protocol) {
        runtime.engine().unknownSpi(peer, spi, protocol);
    }

    @Override
    public boolean clear(ChildSa sa) {
        return runtime.engine().clear(sa);
    }

    // ---------------------------------------------------------------------------------------- UdpEncapsulation

    @Override
    public void send(ByteBuffer esp, InetSocketAddress local, InetSocketAddress remote) throws IOException {
        runtime.sendEsp(esp, local, remote);
    }
}
