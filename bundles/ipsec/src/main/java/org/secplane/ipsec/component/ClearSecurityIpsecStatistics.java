package org.secplane.ipsec.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * {@code clear security ipsec statistics [index N] [fpc N] [pic N] [kmd-instance all|name]} (ipsec-srx.md
 * §3.4): the counters of every SA (and the drop counters) or of tunnel {@code index N} start again from zero.
 * "This command produces no output."
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityIpsecStatistics implements OperationalCommand {

    private final DataPlaneComponent dataPlane;

    @Activate
    public ClearSecurityIpsecStatistics(@Reference DataPlaneComponent dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public String name() {
        return "clear security ipsec statistics";
    }

    @Override
    public String help() {
        return "Clear IPsec statistics";
    }

    @Override
    public ArgumentSpec arguments() {
        return SaSelection.options(ArgumentSpec.builder(), false).build();
    }

    @Override
    public void execute(Invocation invocation) {
        IpsecReports.Filter filter = SaSelection.filter(invocation.arguments());
        if (filter.matchesLocation()) {
            dataPlane.dataPlane().clearStatistics(filter.index());
        }
    }
}
