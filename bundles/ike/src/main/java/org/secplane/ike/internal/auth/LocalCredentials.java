package org.secplane.ike.internal.auth;

/** Looks up local certificates by {@code certificate local-certificate} id. */
@FunctionalInterface
public interface LocalCredentials {

    LocalCredentials NONE = id -> null;

    /** The credential, or {@code null} when there is no such certificate (or no key for it). */
    LocalCredential credential(String certificateId);
}
