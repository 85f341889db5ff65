/**
 * IKE key material: prf+, SKEYSEED and the seven SK_* keys, the rekeyed SKEYSEED, CHILD SA key material with
 * and without PFS (RFC 7296 §2.13, §2.14, §2.17, §2.18), the SK payload protection, transform IDs and their
 * names, and the injectable {@link org.secplane.ike.internal.keys.RandomSource}.
 */
package org.secplane.ike.internal.keys;
