/**
 * Key management as the running product has it, in plain Java: {@link org.secplane.ike.internal.runtime.IkeRuntime}
 * (engine, configuration mapping, lifetimes of both), {@link org.secplane.ike.internal.runtime.IkePorts} (UDP 500
 * and 4500 on the active device family, ESP in UDP to the data plane) and
 * {@link org.secplane.ike.internal.runtime.InstallerSwitch} (CHILD SAs to the data plane, or recorded without one).
 * Nothing here imports OSGi; the component package feeds it services and commits.
 */
package org.secplane.ike.internal.runtime;
