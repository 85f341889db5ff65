/**
 * Shared foundations of every secplane bundle: where state lives and how it is written.
 */
@Export
@Version("1.0.0")
package org.secplane.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
