package org.secplane.keystore.component;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.secplane.core.StateDirectory;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Signer;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.KeyPairInfo;
import org.secplane.keystore.KeyPairInfo.Backend;
import org.secplane.keystore.KeyPairStore;
import org.secplane.keystore.KeyType;
import org.secplane.keystore.PkiObject;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.internal.FileObjectStore;
import org.secplane.keystore.internal.KeyPairs;
import org.secplane.keystore.internal.PinFile;
import org.secplane.keystore.internal.TokenSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key store and PKI object store services over {@code <state>/pki}, configured by PID
 * {@code org.secplane.keystore} (see {@link KeyStoreConfig}); a change of configuration takes effect at
 * once (an open token session is closed and the next use logs in to the new token).
 */
@Component(service = {KeyPairStore.class, PkiObjectStore.class}, configurationPid = "org.secplane.keystore",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class KeyStoreComponent implements KeyPairStore, PkiObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyStoreComponent.class);

    private final FileObjectStore store;
    private final KeyPairs keyPairs;

    @Activate
    public KeyStoreComponent(@Reference CryptoRegistry registry, KeyStoreConfig config) throws IOException {
        this.store = FileObjectStore.open(StateDirectory.fromSystem().area("pki"), registry.random(), LOG::warn);
        this.keyPairs = new KeyPairs(store, registry, LOG::info);
        apply(config);
    }

    @Modified
    void modified(KeyStoreConfig config) {
        apply(config);
    }

    private void apply(KeyStoreConfig config) {
        try {
            Backend backend = Backend.byLabel(config.backend().trim());
            keyPairs.configure(backend, tokenSettings(config, store.area()));
            LOG.info("key store: new key pairs are generated in the {} backend", backend.label());
        } catch (IllegalArgumentException e) {
            String problem = "etc/org.secplane.keystore.cfg: " + e.getMessage();
            LOG.error("key store: {}", problem);
            keyPairs.misconfigured(problem);
        }
    }

    /** The token settings, or {@code null} when no PKCS#11 library is configured. */
    static TokenSettings tokenSettings(KeyStoreConfig config, Path area) {
        String library = config.library().trim();
        if (library.isEmpty()) {
            if (config.backend().trim().equals(Backend.PKCS11.label())) {
                throw new IllegalArgumentException("backend pkcs11 needs 'library' (the PKCS#11 module)");
            }
            return null;
        }
        Long slot = config.slot().isBlank() ? null : parse("slot", config.slot());
        Integer index = config.slot$_$list$_$index().isBlank() ? null : Math.toIntExact(parse("slot-list-index",
                config.slot$_$list$_$index()));
        String pinFile = config.pin$_$file().trim();
        Path pin = pinFile.isEmpty() ? area.resolve(PinFile.DEFAULT_NAME)
                : Paths.get(System.getProperty("karaf.base", ".")).resolve(pinFile).toAbsolutePath().normalize();
        return new TokenSettings(library, slot, index, config.token$_$label().trim(), pin);
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a number, not '" + value + "'");
        }
    }

    @Deactivate
    void deactivate() {
        keyPairs.close();
        store.close();
    }

    // ---------------------------------------------------------------- KeyPairStore

    @Override
    public KeyPairInfo generate(String certificateId, KeyType type, int size) throws PkiStoreException {
        KeyPairInfo info = keyPairs.generate(certificateId, type, size);
        LOG.info("generated key pair {} ({} {} bits, {})", certificateId, type.label(), size, info.backend().label());
        return info;
    }

    @Override
    public KeyPairInfo importKeyPair(String certificateId, byte[] pkcs8, byte[] publicKeyInfo) throws PkiStoreException {
        return keyPairs.importKeyPair(certificateId, pkcs8, publicKeyInfo);
    }

    @Override
    public List<KeyPairInfo> list() throws PkiStoreException {
        return keyPairs.list();
    }

    @Override
    public Optional<KeyPairInfo> get(String certificateId) throws PkiStoreException {
        return keyPairs.get(certificateId);
    }

    @Override
    public boolean exists(String certificateId) {
        return keyPairs.exists(certificateId);
    }

    @Override
    public boolean delete(String certificateId) throws PkiStoreException {
        boolean deleted = keyPairs.delete(certificateId);
        if (deleted) {
            LOG.info("cleared key pair {}", certificateId);
        }
        return deleted;
    }

    @Override
    public int deleteAll() throws PkiStoreException {
        int deleted = keyPairs.deleteAll();
        LOG.info("cleared all {} key pairs", deleted);
        return deleted;
    }

    @Override
    public Signer signer(String certificateId, Algorithm algorithm) throws PkiStoreException {
        return keyPairs.signer(certificateId, algorithm);
    }

    @Override
    public Backend backend() {
        return keyPairs.backend();
    }

    @Override
    public String backendStatus() {
        return keyPairs.backendStatus();
    }

    @Override
    public IntegrityReport verifyIntegrity() {
        return keyPairs.verifyIntegrity();
    }

    // ---------------------------------------------------------------- PkiObjectStore

    @Override
    public void write(PkiObject object, byte[] secret) throws PkiStoreException {
        store.write(object, secret);
    }

    @Override
    public Optional<PkiObject> read(String kind, String name) throws PkiStoreException {
        return store.read(kind, name);
    }

    @Override
    public boolean exists(String kind, String name) {
        return store.exists(kind, name);
    }

    @Override
    public <R> R withSecret(String kind, String name, SecretFunction<R> use) throws PkiStoreException {
        return store.withSecret(kind, name, use);
    }

    @Override
    public List<String> names(String kind) {
        return store.names(kind);
    }

    @Override
    public boolean delete(String kind, String name) throws PkiStoreException {
        return store.delete(kind, name);
    }
}
