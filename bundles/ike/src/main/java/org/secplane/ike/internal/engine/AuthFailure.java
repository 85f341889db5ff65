package org.secplane.ike.internal.engine;

/**
 * The last authentication (or Phase 1 negotiation) failure with a gateway, for {@code show} and logs; never
 * holds secrets.
 *
 * @param gateway the gateway
 * @param remote the peer's address
 * @param reason e.g. {@code pre-shared key mismatch: the AUTH payload of peer 1.1.1.1 (…) does not verify}
 * @param timeMillis when, on the engine's clock
 */
public record AuthFailure(String gateway, String remote, String reason, long timeMillis) {
}
