package org.secplane.config;

import org.osgi.annotation.versioning.ProviderType;

/** What a {@link CommitCheck} sees and how it reports. */
@ProviderType
public interface CommitContext {

    /** The configuration being checked (top level). */
    ConfigView candidate();

    /** The configuration in effect now (top level), to judge what a change affects. */
    ConfigView active();

    /** Rejects the commit: {@code message} is about {@code statement} (shown with its path). */
    void error(ConfigView statement, String message);

    /** Lets the commit go ahead but shows {@code message} about {@code statement}. */
    void warning(ConfigView statement, String message);

    /**
     * The clear text of a secret leaf's value, e.g. to check a key's length. The caller zeroes the array
     * when done.
     */
    byte[] revealSecret(ConfigView secretLeaf);
}
