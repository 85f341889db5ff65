/**
 * Cryptography as capabilities: every algorithm secplane uses ({@link org.secplane.crypto.Algorithm}),
 * providers that offer them ({@link org.secplane.crypto.spi}), and the registry consumers ask
 * ({@link org.secplane.crypto.CryptoRegistry}), which hands out the fastest live implementation that
 * passed its known-answer tests and moves its users to the next one when a provider goes away.
 */
@Export
@Version("1.0.0")
package org.secplane.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
