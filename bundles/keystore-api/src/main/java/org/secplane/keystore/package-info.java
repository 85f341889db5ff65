/**
 * The key store of the PKI: key pairs named by certificate-id, generated and kept by a backend (an
 * encrypted software store or a PKCS#11 token) and used only through {@link org.secplane.crypto.Signer}
 * operators, so a private key never leaves its store ({@link org.secplane.keystore.KeyPairStore}); and
 * the protected file store every PKI object (key pairs, certificates, certificate requests, CRLs) is kept
 * in, where each file carries a MAC binding its content to its kind and name, secrets are encrypted, and
 * a manifest records what must be there ({@link org.secplane.keystore.PkiObjectStore},
 * {@link org.secplane.keystore.IntegrityReport}).
 */
@Export
@Version("1.0.0")
package org.secplane.keystore;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
