package org.secplane.crypto.internal.registry;

import java.util.List;
import org.secplane.crypto.Algorithm;

/**
 * The routing of one algorithm: the live providers that passed its tests, best first. Handles read
 * {@link #selected} once per call (the one volatile read of the packet path) and rebuild their
 * delegate when it is no longer the provider they are bound to.
 */
final class Lane {

    final Algorithm algorithm;
    /** The provider new work goes to; {@code null} when none can do the algorithm. */
    volatile ProviderEntry selected;
    volatile List<ProviderEntry> ranking = List.of();

    Lane(Algorithm algorithm) {
        this.algorithm = algorithm;
    }
}
