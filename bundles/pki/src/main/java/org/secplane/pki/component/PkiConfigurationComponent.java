package org.secplane.pki.component;

import org.osgi.service.component.annotations.Component;
import org.secplane.config.CommitCheck;
import org.secplane.config.SchemaContribution;
import org.secplane.pki.internal.config.PkiConfiguration;

/** Contributes this bundle's configuration statements and commit checks to the configuration engine. */
@Component(service = {SchemaContribution.class, CommitCheck.class})
public class PkiConfigurationComponent extends PkiConfiguration {
}
