package org.secplane.ipsec.internal.sad;

/** What an SA pair tells its owner (the data plane, which tells key management). */
public interface SaEvents {

    /** One of the pair's SAs reached its soft or hard volume lifetime, or ran out of sequence numbers. */
    void volumeReached(SaPair pair, boolean hard);
}
