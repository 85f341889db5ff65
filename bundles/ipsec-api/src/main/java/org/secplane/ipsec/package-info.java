/**
 * The boundary between key management (IKE, manual SAs) and the IPsec data plane: key management
 * installs SA pairs ({@link org.secplane.ipsec.ChildSa}) through the data plane's
 * {@link org.secplane.ipsec.SaInstaller}; the data plane tells key management about traffic that needs
 * an SA, lifetimes running out by volume, and packets with unknown SPIs through
 * {@link org.secplane.ipsec.KeyManager}. Key management owns the NAT-T UDP port: ESP in UDP arrives through
 * the data plane's {@link org.secplane.ipsec.EspInUdpReceiver} and leaves through key management's
 * {@link org.secplane.ipsec.UdpEncapsulation}.
 */
@Export
@Version("1.2.0")
package org.secplane.ipsec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
