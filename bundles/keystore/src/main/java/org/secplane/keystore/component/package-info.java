/** OSGi adapters: the key store service, its configuration, and the PKI key commands. */
package org.secplane.keystore.component;
