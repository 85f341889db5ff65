/**
 * What the IKE operational commands print, as text in the spec's layouts and as data for {@code | display json}:
 * IKE SAs (summary and detail), active peers, and the statistics extension; the SA selection {@code show} and
 * {@code clear} share. Plain Java over the engine's snapshots.
 */
package org.secplane.ike.internal.show;
