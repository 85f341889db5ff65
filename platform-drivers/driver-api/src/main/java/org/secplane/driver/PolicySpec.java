package org.secplane.driver;

/** One IPsec policy (traffic selectors) as an offload engine needs it. */
public final class PolicySpec {
    public final String localPrefix;
    public final String remotePrefix;
    /** IP protocol number, 0 for any. */
    public final int protocol;
    public final boolean outbound;
    /** The SA's SPI and tunnel endpoints this policy uses. */
    public final long spi;
    public final String tunnelSource;
    public final String tunnelDestination;

    public PolicySpec(String localPrefix, String remotePrefix, int protocol, boolean outbound, long spi,
            String tunnelSource, String tunnelDestination) {
        this.localPrefix = localPrefix;
        this.remotePrefix = remotePrefix;
        this.protocol = protocol;
        this.outbound = outbound;
        this.spi = spi;
        this.tunnelSource = tunnelSource;
        this.tunnelDestination = tunnelDestination;
    }
}
