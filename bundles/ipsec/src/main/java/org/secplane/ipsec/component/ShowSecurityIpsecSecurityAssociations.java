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
 * {@code show security ipsec security-associations [brief | detail] [index N] [family inet|inet6] [fpc N]
 * [pic N] [kmd-instance all|name]} (ipsec-srx.md §3.8): the summary, or the detail of every SA or of the
 * tunnel {@code index N}.
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityIpsecSecurityAssociations implements OperationalCommand {

    private final DataPlaneComponent dataPlane;

    @Activate
    public ShowSecurityIpsecSecurityAssociations(@Reference DataPlaneComponent dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public String name() {
        return "show security ipsec security-associations";
    }

    @Override
    public String help() {
        return "Show IPsec security associations";
    }

    @Override
    public ArgumentSpec arguments() {
        return SaSelection.options(ArgumentSpec.builder()
                .flag("brief", "Display brief output (default)")
                .flag("detail", "Display detailed output")
                .exclusive("brief", "detail"), true)
                .build();
    }

    @Override
    public void execute(Invocation invocation) {
        IpsecReports.Filter filter = SaSelection.filter(invocation.arguments());
        boolean detail = invocation.arguments().flag("detail")
                || (invocation.arguments().get("index").isPresent() && !invocation.arguments().flag("brief"));
        DataPlane engine = dataPlane.dataPlane();
        invocation.print(IpsecReports.securityAssociations(engine.pairs(), filter, detail, engine.nanoTime()));
    }
}
