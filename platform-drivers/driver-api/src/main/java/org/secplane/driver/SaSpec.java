package org.secplane.driver;

/** One IPsec SA as an offload engine needs it. Key material is a copy the engine may keep. */
public final class SaSpec {
    public final long spi;
    public final int protocol;
    public final String source;
    public final String destination;
    public final boolean inbound;
    public final boolean tunnelMode;
    /** Algorithm labels of org.secplane.crypto.Algorithm; integrity null for AEADs. */
    public final String encryption;
    public final byte[] encryptionKey;
    public final String integrity;
    public final byte[] integrityKey;
    /** UDP encapsulation ports (NAT-T), 0 when none. */
    public final int encapsulationSourcePort;
    public final int encapsulationDestinationPort;
    public final int replayWindow;
    public final long lifetimeBytes;

    public SaSpec(long spi, int protocol, String source, String destination, boolean inbound, boolean tunnelMode,
            String encryption, byte[] encryptionKey, String integrity, byte[] integrityKey,
            int encapsulationSourcePort, int encapsulationDestinationPort, int replayWindow, long lifetimeBytes) {
        this.spi = spi;
        this.protocol = protocol;
        this.source = source;
        this.destination = destination;
        this.inbound = inbound;
        this.tunnelMode = tunnelMode;
        this.encryption = encryption;
        this.encryptionKey = encryptionKey;
        this.integrity = integrity;
        this.integrityKey = integrityKey;
        this.encapsulationSourcePort = encapsulationSourcePort;
        this.encapsulationDestinationPort = encapsulationDestinationPort;
        this.replayWindow = replayWindow;
        this.lifetimeBytes = lifetimeBytes;
    }
}
