package org.secplane.benchmarks;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.internal.forward.PacketLoop;

/**
 * One packet through the whole data plane and back per operation ({@link PacketLoop#roundTrip}): out through
 * one data plane (SPD lookup, SA, sequence number, ESP framing and padding, encryption, integrity) and in
 * through another (SAD lookup, anti-replay, integrity check, decryption, trailer and selector checks,
 * delivery), with the product's crypto registry over the JCA provider. {@code size} is the cleartext IP
 * packet's length.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EspRoundTripBenchmark {

    @Param("aes-128-gcm-16")
    public String transform;

    @Param("1400")
    public int size;

    private PacketLoop loop;
    private byte[] packet;

    @Setup
    public void setUp() throws Exception {
        CryptoRegistry crypto = Registries.jca();
        String[] parts = transform.split("\\+");
        Algorithm encryption = Algorithm.byLabel(parts[0]);
        Algorithm integrity = parts.length > 1 ? Algorithm.byLabel(parts[1]) : null;
        SecureRandom random = new SecureRandom();
        byte[] encryptionKey = new byte[encryption.keySize() + encryption.saltSize()];
        byte[] integrityKey = integrity == null ? null : new byte[integrity.keySize()];
        random.nextBytes(encryptionKey);
        if (integrityKey != null) {
            random.nextBytes(integrityKey);
        }
        loop = new PacketLoop(crypto, sa("1.1.1.2", "1.1.1.1", 0x1001, 0x2001, encryption, integrity, encryptionKey, integrityKey),
                sa("1.1.1.1", "1.1.1.2", 0x2001, 0x1001, encryption, integrity, encryptionKey, integrityKey));
        packet = Ipv4.udp("10.10.10.10", "192.168.168.10", size);
        if (loop.roundTrip(packet, size) != size) {
            throw new IllegalStateException("the round trip did not deliver the packet");
        }
    }

    static ChildSa sa(String local, String remote, long inbound, long outbound, Algorithm encryption, Algorithm integrity,
            byte[] encryptionKey, byte[] integrityKey) throws Exception {
        return ChildSa.builder().tunnelId(131073).vpn("bench").origin(ChildSa.Origin.IKEV2)
                .endpoints(InetAddress.getByName(local), InetAddress.getByName(remote)).spis(inbound, outbound)
                .algorithms(encryption, integrity)
                .inboundKeys(encryptionKey.clone(), integrityKey == null ? null : integrityKey.clone())
                .outboundKeys(encryptionKey.clone(), integrityKey == null ? null : integrityKey.clone())
                .lifetime(Lifetime.of(0, 0)).replayWindow(64).bindInterface("st0.0").build();
    }

    @Benchmark
    public int roundTrip() {
        return loop.roundTrip(packet, size);
    }

    @TearDown
    public void tearDown() {
        loop.close();
    }
}
