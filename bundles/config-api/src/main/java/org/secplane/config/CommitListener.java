package org.secplane.config;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about every commit with the whole new active configuration, for components that need a
 * consistent view across several objects. Registered as a service (whiteboard); also called once with
 * the current configuration when it appears.
 */
@ConsumerType
public interface CommitListener {

    void committed(ConfigView active, CommitInfo commit);
}
