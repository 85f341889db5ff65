package org.secplane.driver.openssl.internal;

import java.lang.ref.Cleaner;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code EVP_PKEY}s of the public keys verified most recently (a peer's certificate key is used for
 * every authentication of that peer). Importing a key costs 8–13 µs, a third of an RSA-2048
 * verification. Keys are matched with {@link PublicKey#equals} (JDK keys compare their encodings).
 * An evicted key is freed by the {@link Cleaner} once no verification holds it any more.
 */
final class PublicKeyCache {

    /** One imported key; holders keep it alive (callers fence it while its pointer is in use). */
    static final class Imported {
        final long pkey;
        private final Cleaner.Cleanable cleanable;

        Imported(long pkey) {
            this.pkey = pkey;
            OsslKeyExchange.KeyState state = new OsslKeyExchange.KeyState();
            state.pkey = pkey;
            this.cleanable = NativeResources.CLEANER.register(this, state);
        }

        void free() {
            cleanable.clean();
        }
    }

    private final OpenSslLibrary library;
    private final Map<PublicKey, Imported> recent;

    PublicKeyCache(OpenSslLibrary library, int capacity) {
        this.library = library;
        this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<PublicKey, Imported> eldest) {
                return size() > capacity; // dropped, freed by the Cleaner when unreachable
            }
        };
    }

    Imported get(PublicKey key) {
        synchronized (recent) {
            Imported imported = recent.get(key);
            if (imported != null) {
                return imported;
            }
        }
        Imported imported = new Imported(KeyImport.publicKey(library, key));
        synchronized (recent) {
            recent.put(key, imported);
        }
        return imported;
    }
}
