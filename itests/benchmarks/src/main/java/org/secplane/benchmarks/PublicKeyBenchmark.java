package org.secplane.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * The public-key operations of one IKE SA setup side: a signature, or a key agreement derive against a
 * fixed peer (as {@code openssl speed} measures derive with fixed keys).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PublicKeyBenchmark {

    /** ecdsa-p256-sign, rsa2048-sign, ecdh-p256, x25519, modp2048 */
    @Param("ecdh-p256")
    public String operation;

    @Param("jca")
    public String provider;

    private Signer signer;
    private KeyExchange exchange;
    private byte[] peer;
    private final byte[] message = "IKE_AUTH signed octets of a typical length for the benchmark, 64B."
            .getBytes(StandardCharsets.US_ASCII);

    @Setup
    public void setUp() throws Exception {
        CryptoProvider chosen = Providers.byName(provider);
        switch (operation) {
            case "ecdsa-p256-sign": {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                signer = chosen.signer(Algorithm.ECDSA_P256_SHA256, pair.getPrivate());
                break;
            }
            case "rsa2048-sign": {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                signer = chosen.signer(Algorithm.RSA_PKCS1_SHA256, generator.generateKeyPair().getPrivate());
                break;
            }
            default:
                Algorithm group = operation.equals("ecdh-p256") ? Algorithm.ECP_256
                        : operation.equals("x25519") ? Algorithm.CURVE25519 : Algorithm.MODP_2048;
                exchange = chosen.keyExchange(group);
                try (KeyExchange other = chosen.keyExchange(group)) {
                    peer = other.publicValue();
                }
        }
    }

    @Benchmark
    public byte[] operation() {
        return signer != null ? signer.sign(message) : exchange.sharedSecret(peer);
    }
}
