/**
 * The schema of the Junos configuration: containers, lists, leaves, leaf-lists and flags with typed
 * values, defaults, mandatory children, mutually exclusive choices and aliases. Bundles build their part
 * with {@link org.secplane.config.schema.Statements} and contribute it as a
 * {@link org.secplane.config.SchemaContribution}.
 */
@Export
@Version("1.0.0")
package org.secplane.config.schema;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
