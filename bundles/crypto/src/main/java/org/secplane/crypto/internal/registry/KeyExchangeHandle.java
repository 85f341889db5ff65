package org.secplane.crypto.internal.registry;

import java.util.Arrays;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.spi.ProviderKeyExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key exchange that survives its provider: when the provider has left by the time the peer's value
 * arrives, the private value is taken from the old provider object
 * ({@link ProviderKeyExchange#privateValue()}) and the exchange continues on the best remaining
 * provider, which must derive the same public value. The exchange does not move merely because a
 * faster provider appeared: it lives for one IKE round trip.
 */
final class KeyExchangeHandle implements KeyExchange {

    private static final Logger LOG = LoggerFactory.getLogger(KeyExchangeHandle.class);

    private final RankingCryptoRegistry registry;
    private final Lane lane;
    private ProviderEntry bound;
    private ProviderKeyExchange delegate;
    private byte[] publicValue;
    private boolean closed;

    KeyExchangeHandle(RankingCryptoRegistry registry, Lane lane) {
        this.registry = registry;
        this.lane = lane;
        RuntimeException failure = null;
        for (ProviderEntry candidate : registry.candidates(lane, registry.awaitSelection(lane))) {
            try {
                delegate = candidate.provider.keyExchange(lane.algorithm);
                bound = candidate;
                return;
            } catch (RuntimeException e) {
                failure = e;
                LOG.warn("{}: provider {} could not start a key exchange: {}", lane.algorithm.label(), candidate.name, e.toString());
            }
        }
        throw registry.noProvider(lane.algorithm, failure);
    }

    @Override
    public Algorithm algorithm() {
        return lane.algorithm;
    }

    @Override
    public synchronized byte[] publicValue() {
        check();
        if (publicValue == null) {
            moveIfGone();
            try {
                publicValue = delegate.publicValue();
            } catch (RuntimeException e) {
                if (bound.live) {
                    throw e;
                }
                move(e);
                publicValue = delegate.publicValue();
            }
        }
        return publicValue.clone();
    }

    @Override
    public synchronized byte[] sharedSecret(byte[] peerPublicValue) {
        check();
        moveIfGone();
        try {
            return delegate.sharedSecret(peerPublicValue);
        } catch (RuntimeException e) {
            if (bound.live) {
                throw e; // the peer's value was refused, or the provider failed while still registered
            }
            move(e);
            return delegate.sharedSecret(peerPublicValue);
        }
    }

    private void moveIfGone() {
        if (!bound.live) {
            move(null);
        }
    }

    /** Continues the exchange on the best live provider from the old provider's private value. */
    private void move(RuntimeException cause) {
        byte[] privateValue;
        try {
            privateValue = delegate.privateValue();
        } catch (RuntimeException e) {
            throw new CryptoException(lane.algorithm.label() + ": key exchange lost: provider " + bound.name
                    + " left and its private value cannot be read: " + e.getMessage(), e);
        }
        try {
            RuntimeException failure = cause;
            for (ProviderEntry candidate : lane.ranking) {
                if (!candidate.live || candidate == bound) {
                    continue;
                }
                ProviderKeyExchange fresh;
                try {
                    fresh = candidate.provider.keyExchange(lane.algorithm, privateValue.clone());
                    if (publicValue != null && !Arrays.equals(publicValue, fresh.publicValue())) {
                        fresh.close();
                        throw new CryptoException("it derives another public value from the private value");
                    }
                } catch (RuntimeException e) {
                    failure = e;
                    LOG.warn("{}: provider {} could not continue a key exchange: {}", lane.algorithm.label(), candidate.name,
                            e.toString());
                    continue;
                }
                ProviderKeyExchange old = delegate;
                LOG.debug("{}: a key exchange moved from {} to {}", lane.algorithm.label(), bound, candidate);
                delegate = fresh;
                bound = candidate;
                try {
                    old.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing the previous provider's key exchange failed: {}", e.toString());
                }
                return;
            }
            throw registry.noProvider(lane.algorithm, failure);
        } finally {
            Arrays.fill(privateValue, (byte) 0);
        }
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException(lane.algorithm.label() + " key exchange is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                delegate.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a key exchange failed: {}", e.toString());
            }
        }
    }
}
