/**
 * IKE SA and CHILD SA state, and {@link org.secplane.ike.internal.sa.SaHost}: what an SA needs from the engine
 * around it. An IKE SA is only touched from its event loop.
 */
package org.secplane.ike.internal.sa;
