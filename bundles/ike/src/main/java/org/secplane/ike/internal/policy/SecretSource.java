package org.secplane.ike.internal.policy;

/**
 * A configured secret (a pre-shared key) opened only when needed: each call returns a fresh copy of the clear
 * bytes, which the caller zeroes after use. The configuration keeps it sealed in between.
 */
@FunctionalInterface
public interface SecretSource {

    byte[] open();
}
