/**
 * Certificate authentication behind small interfaces: {@link org.secplane.ike.internal.auth.LocalCredential}
 * (a certificate and a {@code Signer}; the key store will supply them),
 * {@link org.secplane.ike.internal.auth.PeerCertificateValidator} (implemented over the PKI bundle's path
 * validator by {@link org.secplane.ike.internal.auth.PkiPeerValidator}), RFC 7427 and legacy signature AUTH
 * payloads, and identity-in-certificate checks.
 */
package org.secplane.ike.internal.auth;
