package org.secplane.crypto.internal.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the packet-path handles ({@link CipherHandle}, {@link AeadHandle}, {@link MacHandle}) share: a
 * copy of the key, the provider object doing the work (the delegate) and the provider it came from.
 * Only the user's thread touches these fields. On each call the handle reads its lane's selected
 * provider once; if that is not the provider it is bound to (the provider left, or a faster one was
 * ranked first), it builds a new delegate from the key, on this thread, and closes the old one, also
 * on this thread: a delegate is never used or closed concurrently.
 */
abstract class KeyedHandle<D extends AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedHandle.class);

    final RankingCryptoRegistry registry;
    final Lane lane;
    final Algorithm algorithm;
    private final byte[] key;
    ProviderEntry bound;
    D delegate;
    /** A selection this handle could not move to; it stays where it is until the selection changes. */
    private ProviderEntry refused;
    boolean closed;

    KeyedHandle(RankingCryptoRegistry registry, Lane lane, byte[] key) {
        this.registry = registry;
        this.lane = lane;
        this.algorithm = lane.algorithm;
        this.key = key;
        rebind(registry.awaitSelection(lane));
    }

    abstract D create(CryptoProvider provider, byte[] key);

    /** The delegate to use now: the hot path, one volatile read. */
    final D current() {
        ProviderEntry selected = lane.selected;
        if (selected != bound && (selected == null || selected != refused)) {
            rebind(selected);
        }
        return delegate;
    }

    /**
     * Whether a call that failed on the current delegate may be repeated on another provider: only when
     * its provider is gone (or no longer selected) and the input is intact.
     */
    final boolean mayRetry(byte[] in, int inOffset, int inLength, byte[] out, int outOffset, int outLength) {
        ProviderEntry provider = bound;
        return provider != null && (!provider.live || lane.selected != provider)
                && !(in == out && inOffset < outOffset + outLength && outOffset < inOffset + inLength);
    }

    final void rebind(ProviderEntry target) {
        if (closed) {
            throw new IllegalStateException(algorithm.label() + " is closed");
        }
        List<ProviderEntry> candidates = new ArrayList<>();
        if (target != null) {
            candidates.add(target);
        }
        for (ProviderEntry entry : lane.ranking) {
            if (entry != target) {
                candidates.add(entry);
            }
        }
        RuntimeException failure = null;
        for (ProviderEntry candidate : candidates) {
            if (!candidate.live) {
                continue;
            }
            D fresh;
            try {
                fresh = create(candidate.provider, key.clone());
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("{}: provider {} could not take over a keyed {} object: {}", algorithm.label(), candidate.name,
                        algorithm.type(), e.toString());
                failure = e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
                continue;
            }
            D old = delegate;
            ProviderEntry from = bound;
            delegate = fresh;
            bound = candidate;
            refused = candidate == target ? null : target;
            if (old != null) {
                closeQuietly(old);
                LOG.debug("{}: a keyed object moved from {} to {}", algorithm.label(), from, candidate);
            }
            return;
        }
        if (delegate != null && bound != null && bound.live) {
            refused = target;
            return;
        }
        ProviderEntry later = registry.awaitSelection(lane); // a provider may still be testing the algorithm
        if (later != null && later != target) {
            rebind(later);
            return;
        }
        throw registry.noProvider(algorithm, failure);
    }

    private void closeQuietly(D old) {
        try {
            old.close();
        } catch (Exception | LinkageError e) {
            LOG.debug("{}: closing the previous provider's object failed: {}", algorithm.label(), e.toString());
        }
    }

    /** Closes the delegate and wipes the key copy. */
    final void closeHandle() {
        if (closed) {
            return;
        }
        closed = true;
        Arrays.fill(key, (byte) 0);
        if (delegate != null) {
            closeQuietly(delegate);
            delegate = null;
        }
    }
}
