package org.secplane.config;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A semantic check of a candidate configuration, registered as a service (whiteboard) by the bundle
 * that owns the statements. Runs on {@code commit check} and {@code commit}; any error rejects the whole
 * commit and changes nothing.
 */
@ConsumerType
public interface CommitCheck {

    void check(CommitContext context);
}
