package org.secplane.ipsec.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ipsec.internal.tunnel.InterfacesTerse;

/** {@code show interfaces terse}: the st0 units, their admin and link state and addresses (see {@link InterfacesTerse}). */
@Component(service = OperationalCommand.class)
public class ShowInterfacesTerse implements OperationalCommand {

    private final TunnelInterfacesComponent tunnels;

    @Activate
    public ShowInterfacesTerse(@Reference TunnelInterfacesComponent tunnels) {
        this.tunnels = tunnels;
    }

    @Override
    public String name() {
        return "show interfaces terse";
    }

    @Override
    public String help() {
        return "Show the secure tunnel interfaces (st0 units) in brief: admin and link state, addresses";
    }

    @Override
    public void execute(Invocation invocation) {
        invocation.print(InterfacesTerse.report(tunnels.registry()));
    }
}
