package org.secplane.crypto.internal.registry;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.Hash;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * A named test provider doing real cryptography through another provider, which records what it
 * hands out (and who closes it), and can be told to give wrong answers or to throw.
 */
class FakeProvider implements CryptoProvider {

    final String name;
    final CryptoProvider target;
    final Set<Algorithm> claimed;
    final Set<Algorithm> corrupt = EnumSet.noneOf(Algorithm.class);
    final Map<Algorithm, String> throwing = new HashMap<>();
    final List<Tracked> handedOut = new ArrayList<>();
    final AtomicInteger keyExchangesContinued = new AtomicInteger();
    /** Run (once) at the start of the next packet operation, to simulate a provider leaving mid-call. */
    volatile Runnable duringNextCall;

    FakeProvider(String name, CryptoProvider target, Algorithm... claimed) {
        this.name = name;
        this.target = target;
        this.claimed = EnumSet.noneOf(Algorithm.class);
        this.claimed.addAll(List.of(claimed));
    }

    /** One object handed out. */
    final class Tracked {
        final Algorithm algorithm;
        volatile Thread closedBy;
        volatile boolean usedAfterClose;
        volatile int uses;

        Tracked(Algorithm algorithm) {
            this.algorithm = algorithm;
        }

        void use() {
            if (closedBy != null) {
                usedAfterClose = true;
            }
            uses++;
            Runnable hook = duringNextCall;
            if (hook != null) {
                duringNextCall = null;
                hook.run();
            }
        }

        FakeProvider provider() {
            return FakeProvider.this;
        }
    }

    synchronized List<Tracked> handedOut(Algorithm algorithm) {
        List<Tracked> out = new ArrayList<>();
        for (Tracked t : handedOut) {
            if (t.algorithm == algorithm) {
                out.add(t);
            }
        }
        return out;
    }

    synchronized int mark() {
        return handedOut.size();
    }

    /** Objects handed out since {@link #mark()} returned {@code mark}. */
    synchronized List<Tracked> since(int mark) {
        return new ArrayList<>(handedOut.subList(mark, handedOut.size()));
    }

    private synchronized Tracked track(Algorithm algorithm) {
        String failure = throwing.get(algorithm);
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        Tracked tracked = new Tracked(algorithm);
        handedOut.add(tracked);
        return tracked;
    }

    private void flip(Algorithm algorithm, byte[] out, int offset) {
        if (corrupt.contains(algorithm)) {
            out[offset] ^= 1;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String driver() {
        return "fake over " + target.name();
    }

    @Override
    public Set<Algorithm> algorithms() {
        return claimed;
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        Tracked tracked = track(algorithm);
        Cipher inner = target.cipher(algorithm, key);
        return new Cipher() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public void encrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
                tracked.use();
                inner.encrypt(iv, ivOffset, in, inOffset, length, out, outOffset);
                flip(algorithm, out, outOffset);
            }

            @Override
            public void decrypt(byte[] iv, int ivOffset, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
                tracked.use();
                inner.decrypt(iv, ivOffset, in, inOffset, length, out, outOffset);
            }

            @Override
            public void close() {
                tracked.closedBy = Thread.currentThread();
                inner.close();
            }
        };
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        Tracked tracked = track(algorithm);
        Aead inner = target.aead(algorithm, keyAndSalt);
        return new Aead() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public int seal(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
                    byte[] out, int outOffset) {
                tracked.use();
                int n = inner.seal(iv, ivOffset, aad, aadOffset, aadLength, in, inOffset, length, out, outOffset);
                flip(algorithm, out, outOffset);
                return n;
            }

            @Override
            public int open(byte[] iv, int ivOffset, byte[] aad, int aadOffset, int aadLength, byte[] in, int inOffset, int length,
                    byte[] out, int outOffset) {
                tracked.use();
                return inner.open(iv, ivOffset, aad, aadOffset, aadLength, in, inOffset, length, out, outOffset);
            }

            @Override
            public void close() {
                tracked.closedBy = Thread.currentThread();
                inner.close();
            }
        };
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        Tracked tracked = track(algorithm);
        Mac inner = target.mac(algorithm, key);
        return new Mac() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public void update(byte[] in, int offset, int length) {
                tracked.use();
                inner.update(in, offset, length);
            }

            @Override
            public void finish(byte[] out, int offset) {
                tracked.use();
                inner.finish(out, offset);
                flip(algorithm, out, offset);
            }

            @Override
            public boolean verify(byte[] expected, int offset) {
                tracked.use();
                return inner.verify(expected, offset);
            }

            @Override
            public void close() {
                tracked.closedBy = Thread.currentThread();
                inner.close();
            }
        };
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        track(algorithm);
        return target.prf(algorithm);
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        track(algorithm);
        Hash inner = target.hash(algorithm);
        return new Hash() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] digest(byte[]... parts) {
                byte[] d = inner.digest(parts);
                flip(algorithm, d, 0);
                return d;
            }
        };
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm) {
        track(algorithm);
        return target.keyExchange(algorithm);
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm, byte[] privateValue) {
        keyExchangesContinued.incrementAndGet();
        return target.keyExchange(algorithm, privateValue);
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        track(algorithm);
        return target.signer(algorithm, key);
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return target.verify(algorithm, key, data, signature);
    }

    @Override
    public void random(byte[] bytes) {
        target.random(bytes);
    }

    @Override
    public String toString() {
        return name;
    }
}
