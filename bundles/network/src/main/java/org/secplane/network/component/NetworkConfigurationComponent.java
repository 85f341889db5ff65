package org.secplane.network.component;

import org.osgi.service.component.annotations.Component;
import org.secplane.config.CommitCheck;
import org.secplane.config.SchemaContribution;
import org.secplane.network.internal.config.NetworkConfiguration;

/** Contributes this bundle's configuration statements and commit checks to the configuration engine. */
@Component(service = {SchemaContribution.class, CommitCheck.class})
public class NetworkConfigurationComponent extends NetworkConfiguration {
}
