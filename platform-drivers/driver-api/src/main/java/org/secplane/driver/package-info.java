/**
 * What a platform offers secplane, per device family: tunnel interfaces ({@code st0.N}), the external
 * interfaces that carry IKE and ESP/AH, routes, and SA offload. One {@link DeviceFamily} service is
 * active; a vendor adds a family or an offload engine as a plugin bundle implementing these interfaces.
 * Packet I/O reads into and writes from caller-owned buffers: nothing is allocated per packet.
 * {@link org.secplane.driver.PlatformSelection} is the one rule by which the family bundles decide which
 * of them registers (version 1.1: added). {@link org.secplane.driver.IpPrefix} parses and prints addresses and prefixes without DNS, the same way in every family (version 1.2: added).
 */
@Export
@Version("1.2.0")
package org.secplane.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
