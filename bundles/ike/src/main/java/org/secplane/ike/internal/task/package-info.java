/**
 * The exchanges, strongSwan-style: one small task per step (ike-init, ike-natd, ike-auth, ike-cert,
 * child-create/child-rekey, child-delete, ike-rekey, ike-delete, ike-dpd, informational), and the
 * {@link org.secplane.ike.internal.task.TaskManager} that runs them: message IDs, window 1, retransmission,
 * the response cache, decryption and reassembly, collisions (RFC 7296 §2.8.1, §2.25).
 */
package org.secplane.ike.internal.task;
