package org.secplane.ipsec.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ipsec.internal.forward.DataPlane;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * {@code show security ipsec statistics [index N] [detail] [fpc N] [pic N] [kmd-instance all|name]}
 * (ipsec-srx.md §3.9, D-49: {@code detail} prints the same fields).
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityIpsecStatistics implements OperationalCommand {

    private final DataPlaneComponent dataPlane;

    @Activate
    public ShowSecurityIpsecStatistics(@Reference DataPlaneComponent dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public String name() {
        return "show security ipsec statistics";
    }

    @Override
    public String help() {
        return "Show standard IPsec statistics";
    }

    @Override
    public ArgumentSpec arguments() {
        return SaSelection.options(ArgumentSpec.builder().flag("detail", "Display detailed output (the same fields)"), false)
                .build();
    }

    @Override
    public void execute(Invocation invocation) {
        DataPlane engine = dataPlane.dataPlane();
        invocation.print(IpsecReports.statistics(engine.pairs(), SaSelection.filter(invocation.arguments()), engine.drops()));
    }
}
