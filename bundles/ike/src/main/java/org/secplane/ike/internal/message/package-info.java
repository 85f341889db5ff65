/**
 * The IKEv2 message codec (RFC 7296 §3, RFC 7383 fragments, RFC 5282 AEAD layout): payload classes, a strict
 * bounds-checked decoder whose only exception is {@link org.secplane.ike.internal.message.ParseException}, and
 * the encoder. Encryption itself is behind {@link org.secplane.ike.internal.message.Protector}.
 */
package org.secplane.ike.internal.message;
