/**
 * The key store and PKI object store as plain Java: device keys, the object file format, the manifest,
 * the software and PKCS#11 backends. Imports nothing from OSGi.
 */
package org.secplane.keystore.internal;
