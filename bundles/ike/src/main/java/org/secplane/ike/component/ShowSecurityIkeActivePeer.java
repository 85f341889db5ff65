package org.secplane.ike.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ike.internal.show.ActivePeersReport;

/** {@code show security ike active-peer} (ipsec-srx.md §3.5): the peers with an established IKE SA. */
@Component(service = OperationalCommand.class)
public class ShowSecurityIkeActivePeer implements OperationalCommand {

    private final IkeServiceComponent ike;

    @Activate
    public ShowSecurityIkeActivePeer(@Reference IkeServiceComponent ike) {
        this.ike = ike;
    }

    @Override
    public String name() {
        return "show security ike active-peer";
    }

    @Override
    public String help() {
        return "Show the connected peers: addresses and ports they use, IKE IDs";
    }

    @Override
    public void execute(Invocation invocation) {
        invocation.print(ActivePeersReport.of(ike.runtime().engine().ikeSecurityAssociations()));
    }
}
