package org.secplane.benchmarks;

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
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.Mac;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * One ESP packet's cryptography per operation, through the provider SPI as the data plane uses it:
 * AEAD seal (8-byte AAD = SPI and sequence number), or cipher encrypt plus MAC over header, IV and
 * ciphertext (the CBC+HMAC ESP combination, {@code algorithm = aes-128-cbc+hmac-sha2-256-128}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PacketCryptoBenchmark {

    @Param("jca")
    public String provider;

    @Param("aes-128-gcm-16")
    public String algorithm;

    @Param("1400")
    public int size;

    private Aead aead;
    private Cipher cipher;
    private Mac mac;
    private byte[] packet;
    private byte[] out;
    private byte[] iv;
    private byte[] icv;
    private int blockAlignedSize;

    @Setup
    public void setUp() {
        CryptoProvider chosen = Providers.byName(provider);
        packet = new byte[size + 64];
        out = new byte[size + 128];
        iv = new byte[16];
        icv = new byte[64];
        String[] parts = algorithm.split("\\+");
        Algorithm first = Algorithm.byLabel(parts[0]);
        if (first.type() == AlgorithmType.AEAD) {
            aead = chosen.aead(first, new byte[first.keySize() + first.saltSize()]);
        } else {
            cipher = chosen.cipher(first, new byte[first.keySize() + first.saltSize()]);
            blockAlignedSize = size / first.blockSize() * first.blockSize();
            if (parts.length > 1) {
                Algorithm integrity = Algorithm.byLabel(parts[1]);
                mac = chosen.mac(integrity, new byte[integrity.keySize()]);
            }
        }
    }

    @Benchmark
    public int packet() {
        if (aead != null) {
            iv[0]++;
            return aead.seal(iv, 0, packet, 0, 8, packet, 8, size, out, 0);
        }
        iv[0]++;
        cipher.encrypt(iv, 0, packet, 16, blockAlignedSize, out, 16);
        if (mac != null) {
            mac.update(out, 0, 16 + blockAlignedSize);
            mac.finish(icv, 0);
        }
        return out[16];
    }

    @TearDown
    public void tearDown() {
        if (aead != null) {
            aead.close();
        }
        if (cipher != null) {
            cipher.close();
        }
        if (mac != null) {
            mac.close();
        }
    }
}
