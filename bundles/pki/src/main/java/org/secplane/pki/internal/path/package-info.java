/**
 * Certification path building and validation (RFC 5280 §6, RFC 4158), plain Java: the engine
 * {@link org.secplane.pki.internal.path.PathValidationEngine} implements the
 * {@link org.secplane.pki.PathValidator} API with Bouncy Castle for decoding and signatures. Not exported.
 */
package org.secplane.pki.internal.path;
