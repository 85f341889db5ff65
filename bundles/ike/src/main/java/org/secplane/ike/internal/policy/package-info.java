/**
 * The committed configuration as the engine uses it: gateways, IKE and IPsec proposals (including the
 * predefined proposal sets), identities, VPNs with their traffic selectors; and
 * {@link org.secplane.ike.internal.policy.PolicyMapper}, which builds it from a {@code ConfigView}.
 */
package org.secplane.ike.internal.policy;
