/**
 * What a crypto provider implements: software (JCA, Bouncy Castle), a native library (OpenSSL through
 * JNA), an accelerator driver. A provider registers a {@link org.secplane.crypto.spi.CryptoProvider}
 * service; the registry runs the known-answer tests of each claimed algorithm, measures its speed,
 * and offers only what passed.
 */
@Export
@Version("1.1.0")
package org.secplane.crypto.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
