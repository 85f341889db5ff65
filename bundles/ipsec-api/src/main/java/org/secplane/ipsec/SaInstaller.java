package org.secplane.ipsec;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The data plane's side: installs and removes SA pairs. Installing a rekeyed pair before deleting the
 * old one keeps traffic flowing; both may be installed at once (inbound accepted on both, outbound on
 * the newest).
 */
@ProviderType
public interface SaInstaller {

    /** Installs both SAs of the pair; the data plane takes over the key arrays. */
    void install(ChildSa sa);

    /** Removes the pair whose inbound SPI is {@code inboundSpi} towards {@code remote}. */
    void remove(ChildSa sa);

    /** Traffic counters of an installed pair: inbound bytes, inbound packets, outbound bytes, outbound packets. */
    long[] counters(ChildSa sa);
}
