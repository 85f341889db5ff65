/**
 * The configuration engine's API: read-only views of the active configuration, the services through which
 * bundles contribute their schema and commit checks, and the editing session the CLI drives.
 */
@Export
@Version("1.0.0")
package org.secplane.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
