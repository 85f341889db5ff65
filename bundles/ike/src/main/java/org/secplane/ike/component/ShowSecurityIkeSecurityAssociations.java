package org.secplane.ike.component;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Arguments;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ike.internal.engine.IkeEngine;
import org.secplane.ike.internal.engine.IkeSaInfo;
import org.secplane.ike.internal.show.IkeSecurityAssociationsReport;
import org.secplane.ike.internal.show.SaSelection;

/**
 * {@code show security ike security-associations [peer-address] [index N] [brief | detail] [fpc N] [pic N]
 * [kmd-instance (all | name)] [family (inet | inet6)]} (ipsec-srx.md §3.10, D-50): the summary, or with
 * {@code detail} or {@code index N} the detail block of each selected IKE SA.
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityIkeSecurityAssociations implements OperationalCommand {

    private final IkeServiceComponent ike;

    @Activate
    public ShowSecurityIkeSecurityAssociations(@Reference IkeServiceComponent ike) {
        this.ike = ike;
    }

    @Override
    public String name() {
        return "show security ike security-associations";
    }

    @Override
    public String help() {
        return "Show Internet Key Exchange security associations";
    }

    @Override
    public ArgumentSpec arguments() {
        return SaSelection.options(ArgumentSpec.builder(), false)
                .flag("brief", "Show the summary (the default)")
                .flag("detail", "Show everything about each IKE SA")
                .exclusive("brief", "detail")
                .build();
    }

    @Override
    public void execute(Invocation invocation) throws Exception {
        Arguments a = invocation.arguments();
        SaSelection selection = SaSelection.of(a);
        IkeEngine engine = ike.runtime().engine();
        List<IkeSaInfo> sas = selection.apply(engine.ikeSecurityAssociations());
        boolean detail = a.flag("detail") || (a.get("index").isPresent() && !a.flag("brief"));
        invocation.print(detail ? IkeSecurityAssociationsReport.detail(sas, engine.childSecurityAssociations())
                : IkeSecurityAssociationsReport.summary(sas));
    }
}
