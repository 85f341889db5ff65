/**
 * The Junos CLI commands of the Karaf shell, one class each. They are registered directly in the
 * shell's registry (not as annotated actions) so that each can supply the parser that keeps the raw
 * line away from Gogo and a completer fed by the schema.
 */
package org.secplane.cli.shell;
