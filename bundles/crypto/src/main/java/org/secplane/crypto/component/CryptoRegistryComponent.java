package org.secplane.crypto.component;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.Hash;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.Signer;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * The {@link CryptoRegistry} service: tracks every {@link CryptoProvider} service (dynamic, multiple,
 * greedy, so a provider that appears is tested, measured and used at once, and one that goes away is
 * replaced without restarting anything) and hands them to {@link RankingCryptoRegistry}.
 */
@Component(service = CryptoRegistry.class, immediate = true)
public class CryptoRegistryComponent implements CryptoRegistry {

    private final RankingCryptoRegistry registry = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults());

    @Reference(service = CryptoProvider.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProvider")
    void addProvider(CryptoProvider provider) {
        registry.addProvider(provider);
    }

    void removeProvider(CryptoProvider provider) {
        registry.removeProvider(provider);
    }

    @Deactivate
    void deactivate() {
        registry.close();
    }

    @Override
    public boolean supports(Algorithm algorithm) {
        return registry.supports(algorithm);
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        return registry.cipher(algorithm, key);
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        return registry.aead(algorithm, keyAndSalt);
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        return registry.mac(algorithm, key);
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        return registry.prf(algorithm);
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        return registry.hash(algorithm);
    }

    @Override
    public KeyExchange keyExchange(Algorithm algorithm) {
        return registry.keyExchange(algorithm);
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        return registry.signer(algorithm, key);
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return registry.verify(algorithm, key, data, signature);
    }

    @Override
    public SecureRandom random() {
        return registry.random();
    }

    @Override
    public List<ProviderStatus> providers() {
        return registry.providers();
    }
}
