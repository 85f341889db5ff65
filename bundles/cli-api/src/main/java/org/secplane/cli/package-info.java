/**
 * Operational-mode commands ({@code show …}, {@code request …}, {@code clear …}) that bundles contribute
 * as services; the CLI dispatches to them, parses their arguments, and prints their output as text or,
 * with {@code | display json}, as JSON.
 */
@Export
@Version("1.0.0")
package org.secplane.cli;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
