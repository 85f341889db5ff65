package org.secplane.crypto.internal.registry;

import java.security.PrivateKey;
import java.util.function.Function;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Hash;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * The thread-safe, unkeyed-by-the-caller objects ({@link Prf}, {@link Hash}, {@link Signer}): each
 * call goes to the algorithm's currently selected provider, whose object is cached until the
 * selection changes. A call that fails because its provider left is repeated on the next one.
 */
final class Routes {

    private Routes() {
    }

    /** A provider object with the provider it came from. */
    private static final class Bound<T> {
        final ProviderEntry entry;
        final T object;

        Bound(ProviderEntry entry, T object) {
            this.entry = entry;
            this.object = object;
        }
    }

    /** Caches one provider object per selection. */
    static final class Route<T> {
        private final RankingCryptoRegistry registry;
        private final Lane lane;
        private final Function<CryptoProvider, T> factory;
        private volatile Bound<T> bound;

        Route(RankingCryptoRegistry registry, Lane lane, Function<CryptoProvider, T> factory) {
            this.registry = registry;
            this.lane = lane;
            this.factory = factory;
        }

        <R> R call(Function<T, R> operation) {
            Bound<T> current = current();
            try {
                return operation.apply(current.object);
            } catch (RuntimeException e) {
                if (current.entry.live && lane.selected == current.entry) {
                    throw e;
                }
                return operation.apply(current().object);
            }
        }

        private Bound<T> current() {
            ProviderEntry selected = lane.selected;
            Bound<T> cached = bound;
            if (cached != null && cached.entry == selected) {
                return cached;
            }
            if (selected == null) {
                selected = registry.awaitSelection(lane);
                if (selected == null) {
                    throw registry.noProvider(lane.algorithm, null);
                }
            }
            RuntimeException failure = null;
            for (ProviderEntry candidate : registry.candidates(lane, selected)) {
                try {
                    Bound<T> fresh = new Bound<>(candidate, factory.apply(candidate.provider));
                    bound = fresh;
                    return fresh;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            throw registry.noProvider(lane.algorithm, failure);
        }
    }

    static Prf prf(RankingCryptoRegistry registry, Lane lane) {
        Algorithm algorithm = lane.algorithm;
        Route<Prf> route = new Route<>(registry, lane, provider -> provider.prf(algorithm));
        return new Prf() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] compute(byte[] key, byte[]... data) {
                return route.call(prf -> prf.compute(key, data));
            }
        };
    }

    static Hash hash(RankingCryptoRegistry registry, Lane lane) {
        Algorithm algorithm = lane.algorithm;
        Route<Hash> route = new Route<>(registry, lane, provider -> provider.hash(algorithm));
        return new Hash() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] digest(byte[]... parts) {
                return route.call(hash -> hash.digest(parts));
            }
        };
    }

    static Signer signer(RankingCryptoRegistry registry, Lane lane, PrivateKey key) {
        Algorithm algorithm = lane.algorithm;
        Route<Signer> route = new Route<>(registry, lane, provider -> provider.signer(algorithm, key));
        route.current(); // a key the selected provider cannot use is refused now, not at the first signature
        return new Signer() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] sign(byte[] data) {
                return route.call(signer -> signer.sign(data));
            }
        };
    }
}
