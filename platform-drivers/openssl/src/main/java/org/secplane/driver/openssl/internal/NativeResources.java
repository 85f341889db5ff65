package org.secplane.driver.openssl.internal;

import java.lang.ref.Cleaner;

/**
 * The safety net for native resources: each object that holds libcrypto contexts or keys registers
 * its state here, so that an object dropped without {@code close()} is still freed once unreachable.
 * {@code close()} frees at once (and the state runs only once).
 */
final class NativeResources {

    static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "secplane-openssl-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    private NativeResources() {
    }
}
