package org.secplane.crypto.internal.registry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.Hash;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * The registry's speed measurement: a short, fixed budget of the measuring thread's CPU time per
 * algorithm, split into a warm-up quarter and five measured slices, of which the fastest counts.
 *
 * <p>Why CPU time and the best slice: the machine is shared; wall-clock rates of one benchmark
 * iteration varied up to 12-fold under other tenants' load, thread CPU time about 1.2-fold
 * (perf-baselines.md, "Why CPU time"). Preemption and a JIT compilation finishing mid-run only ever
 * make a slice slower, so the best slice is the least disturbed estimate. A slice is charged at least
 * a quarter of its wall-clock time, so that a provider whose calls sleep waiting for hardware does not
 * look free.
 *
 * <p>What one operation is: for the packet path (ciphers, AEADs, MACs) one packet, measured at 64
 * and at 1400 bytes (1408 for 16-byte-block CBC, as ESP pads) with half the budget each; the rate
 * reported is their harmonic mean, the packet rate of a stream alternating small and large packets,
 * so a provider with a high fixed cost per call (a JNA binding: about 1 microsecond, perf-baselines
 * Table 4) is not hidden by its bulk speed. For IKE: one key exchange (a fresh private value, its
 * public value and the secret with a fixed peer), one signature plus one verification, one PRF or
 * digest of 64 bytes, 32 random bytes. Inputs come from the algorithm's first known-answer vector.
 */
public final class CpuTimeSpeedMeter implements SpeedMeter {

    private static final int SLICES = 5;
    private static final int WALL_CLOCK_SHARE = 4;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTime;

    public CpuTimeSpeedMeter() {
        boolean supported = threads.isCurrentThreadCpuTimeSupported();
        if (supported && !threads.isThreadCpuTimeEnabled()) {
            try {
                threads.setThreadCpuTimeEnabled(true);
            } catch (UnsupportedOperationException | SecurityException e) {
                supported = false;
            }
        }
        this.cpuTime = supported;
    }

    /** One operation; returns something derived from the result so the JIT cannot drop the work. */
    @FunctionalInterface
    interface Operation {
        int run() throws Exception;
    }

    @Override
    public double measure(CryptoProvider provider, Algorithm algorithm, long budgetNanos) throws Exception {
        KnownAnswerFile.Vector v = KnownAnswerFile.of(algorithm).vectors().get(0);
        switch (algorithm.type()) {
            case CIPHER: {
                try (Cipher cipher = provider.cipher(algorithm, v.bytes("key"))) {
                    byte[] iv = v.bytes("iv");
                    return packets(budgetNanos, algorithm, size -> {
                        byte[] buffer = new byte[size];
                        return () -> {
                            cipher.encrypt(iv, 0, buffer, 0, size, buffer, 0);
                            return buffer[0];
                        };
                    });
                }
            }
            case AEAD: {
                try (Aead aead = provider.aead(algorithm, v.bytes("key"))) {
                    byte[] iv = new byte[8];
                    byte[] aad = new byte[8];
                    int icv = algorithm.outputSize();
                    return packets(budgetNanos, algorithm, size -> {
                        byte[] buffer = new byte[size + icv];
                        return () -> {
                            // a new IV per packet, as ESP sends them (providers may refuse a repeated one)
                            for (int i = 7; i >= 0 && ++iv[i] == 0; i--) {
                                // carry
                            }
                            return aead.seal(iv, 0, aad, 0, aad.length, buffer, 0, size, buffer, 0) + buffer[0];
                        };
                    });
                }
            }
            case INTEGRITY: {
                try (Mac mac = provider.mac(algorithm, v.bytes("key"))) {
                    byte[] out = new byte[algorithm.outputSize()];
                    return packets(budgetNanos, algorithm, size -> {
                        byte[] buffer = new byte[size];
                        return () -> {
                            mac.update(buffer, 0, size);
                            mac.finish(out, 0);
                            return out[0];
                        };
                    });
                }
            }
            case PRF: {
                Prf prf = provider.prf(algorithm);
                byte[] key = v.bytes("key");
                byte[] data = new byte[64];
                return rate(budgetNanos, () -> prf.compute(key, data)[0]);
            }
            case HASH: {
                Hash hash = provider.hash(algorithm);
                byte[] data = new byte[64];
                return rate(budgetNanos, () -> hash.digest(data)[0]);
            }
            case KEY_EXCHANGE: {
                byte[] peer = v.bytes("peer");
                return rate(budgetNanos, () -> {
                    try (KeyExchange exchange = provider.keyExchange(algorithm)) {
                        return exchange.publicValue()[0] + exchange.sharedSecret(peer)[0];
                    }
                });
            }
            case SIGNATURE: {
                PrivateKey privateKey = Keys.privateKey(algorithm, v.bytes("private"));
                PublicKey publicKey = Keys.publicKey(algorithm, v.bytes("public"));
                byte[] message = v.bytes("message");
                Signer signer = provider.signer(algorithm, privateKey);
                return rate(budgetNanos, () -> {
                    byte[] signature = signer.sign(message);
                    if (!provider.verify(algorithm, publicKey, message, signature)) {
                        throw new IllegalStateException("its own signature does not verify");
                    }
                    return signature[0];
                });
            }
            case RANDOM: {
                byte[] bytes = new byte[32];
                return rate(budgetNanos, () -> {
                    provider.random(bytes);
                    return bytes[0];
                });
            }
            default:
                throw new IllegalArgumentException("cannot measure " + algorithm.type());
        }
    }

    @FunctionalInterface
    private interface PacketOperation {
        Operation at(int size);
    }

    private double packets(long budgetNanos, Algorithm algorithm, PacketOperation operation) throws Exception {
        int large = 1400;
        int block = algorithm.blockSize();
        if (algorithm.type() == org.secplane.crypto.AlgorithmType.CIPHER && block > 1) {
            large = (large + block - 1) / block * block;
        }
        double small = rate(budgetNanos / 2, operation.at(64));
        double big = rate(budgetNanos / 2, operation.at(large));
        return 2 / (1 / small + 1 / big);
    }

    /** Runs {@code operation} for about {@code budgetNanos} of CPU time; returns the best slice's rate. */
    double rate(long budgetNanos, Operation operation) throws Exception {
        int sink = 0;
        long warmup = budgetNanos / 4;
        long slice = (budgetNanos - warmup) / SLICES;
        long start = now();
        int batch = 1;
        // warm-up, also sizing a batch to about 1/20 of a slice so the clocks are read rarely
        while (true) {
            long batchStart = now();
            for (int i = 0; i < batch; i++) {
                sink += operation.run();
            }
            long took = now() - batchStart;
            if (now() - start >= warmup) {
                break;
            }
            if (took < slice / 20 && batch < (1 << 20)) {
                batch *= 2;
            }
        }
        double best = 0;
        for (int s = 0; s < SLICES; s++) {
            long cpuStart = now();
            long wallStart = System.nanoTime();
            long operations = 0;
            long elapsed;
            do {
                for (int i = 0; i < batch; i++) {
                    sink += operation.run();
                }
                operations += batch;
                elapsed = now() - cpuStart;
            } while (elapsed < slice);
            // A call that waits (for a device, a lock) costs no CPU while waiting: never count less than a
            // quarter of the wall-clock time, which still leaves CPU time in charge on a machine loaded up
            // to four times over.
            long charged = Math.max(elapsed, (System.nanoTime() - wallStart) / WALL_CLOCK_SHARE);
            best = Math.max(best, operations * 1e9 / Math.max(charged, 1));
            if (elapsed > 2 * slice) {
                break; // one operation outlasts a slice: the budget is spent, one slice must do
            }
        }
        if (sink == 42) {
            Thread.onSpinWait(); // keeps sink alive
        }
        return best;
    }

    private long now() {
        return cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
