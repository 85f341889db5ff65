package org.secplane.pki.component;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secplane.config.ConfigView;
import org.secplane.config.ConfigurationService;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.pki.CaProfileCertificate;
import org.secplane.pki.CertificateStore;
import org.secplane.pki.PathValidator;
import org.secplane.pki.internal.cert.DeviceSerial;
import org.secplane.pki.internal.cert.PkiCertificates;
import org.secplane.pki.internal.cert.PkiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CertificateStore} service (IKE reads CA profile and local certificates through it) and the
 * engine behind the certificate commands ({@link PkiCertificates}) over the key store's object and key pair
 * stores. At activation it makes the system-generated self-signed certificate when there is none (pki.md
 * §4.13, L708).
 *
 * <p>A CA profile exists when its {@link CaProfileComponent} is active, or when the active configuration
 * already holds it: right after a commit, Config Admin delivers the new profile to SCR asynchronously, and
 * a script that commits and then loads the profile's certificate must not lose that race.
 */
@Component(service = {CertificateStore.class, CertificatesComponent.class}, immediate = true)
public class CertificatesComponent implements CertificateStore {

    private static final Logger LOG = LoggerFactory.getLogger(CertificatesComponent.class);

    private final List<CaProfileComponent> profiles = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationService configuration;

    private final PkiCertificates engine;

    @Activate
    public CertificatesComponent(@Reference PkiObjectStore store, @Reference KeyPairStore keys,
            @Reference PathValidator validator, @Reference CryptoRegistry registry) {
        this.engine = new PkiCertificates(store, keys, validator, this::configuredProfiles, Clock.systemUTC(),
                registry.random(), DeviceSerial::fromSystem, LOG::info);
        try {
            engine.ensureSystemGenerated();
        } catch (PkiException e) {
            LOG.error("cannot make the system-generated self-signed certificate: {}", e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProfile(CaProfileComponent profile) {
        profiles.add(profile);
    }

    void removeProfile(CaProfileComponent profile) {
        profiles.remove(profile);
    }

    Set<String> configuredProfiles() {
        Set<String> names = new TreeSet<>();
        profiles.forEach(p -> names.add(p.profile().name()));
        ConfigurationService config = configuration;
        if (config != null) {
            try {
                config.active().find("security", "pki").ifPresent(pki -> {
                    for (ConfigView entry : pki.children("ca-profile")) {
                        names.add(String.join(" ", entry.arguments()));
                    }
                });
            } catch (RuntimeException e) {
                LOG.debug("active configuration not readable: {}", e.toString());
            }
        }
        return names;
    }

    /** The engine the commands of this bundle use. */
    public PkiCertificates engine() {
        return engine;
    }

    @Override
    public List<CaProfileCertificate> caCertificates() {
        return engine.caCertificates();
    }

    @Override
    public Optional<CaProfileCertificate> caCertificate(String caProfile) {
        return engine.caCertificate(caProfile);
    }

    @Override
    public Optional<X509Certificate> localCertificate(String certificateId) {
        return engine.localCertificate(certificateId);
    }
}
