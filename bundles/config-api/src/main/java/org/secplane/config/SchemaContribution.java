package org.secplane.config;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.secplane.config.schema.Schema;

/**
 * A bundle's part of the configuration schema, registered as a service (whiteboard). The CLI and the
 * validator see the union of all registered contributions; unregistering removes the hierarchy.
 */
@ConsumerType
public interface SchemaContribution {

    /** The statements this bundle adds, each below its anchor (e.g. {@code security}). */
    List<Schema.Anchored> statements();
}
