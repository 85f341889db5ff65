/**
 * Certificates, certificate requests and their files, plain Java: parsing of PEM, DER and PKCS #7 files,
 * the Junos subject syntax, PKCS #10 requests and self-signed certificates signed through the key store's
 * signer, the {@code show security pki …} output formats, and {@link org.secplane.pki.internal.cert.PkiCertificates},
 * the engine behind the certificate commands and the {@code CertificateStore} service.
 */
package org.secplane.pki.internal.cert;
