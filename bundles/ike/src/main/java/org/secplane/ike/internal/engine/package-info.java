/**
 * The engine's outward surface: {@link org.secplane.ike.internal.engine.IkeEngine} (configuration, datagrams,
 * initiation, clearing, snapshots, counters, the data plane's {@code KeyManager}), the collaborators it is built
 * from (transport, clock, scheduler, event loops, key-exchange factory) and the snapshot records that
 * {@code show security ike|ipsec security-associations} print. Nothing here imports OSGi.
 */
package org.secplane.ike.internal.engine;
