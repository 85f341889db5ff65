/**
 * The OSGi adapters of the crypto bundle, thin by design: {@link
 * org.secplane.crypto.component.SoftwareCryptoProviders} registers the JCA and Bouncy Castle providers
 * as {@code CryptoProvider} services; {@link org.secplane.crypto.component.CryptoRegistryComponent}
 * tracks every {@code CryptoProvider} service (dynamic, multiple, greedy) into the plain-Java registry
 * and offers it as the {@code CryptoRegistry} service; {@link
 * org.secplane.crypto.component.ShowSecurityCryptoProviders} is {@code show security crypto providers}.
 * Not exported.
 */
package org.secplane.crypto.component;
