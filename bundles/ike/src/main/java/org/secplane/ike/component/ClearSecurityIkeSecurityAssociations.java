package org.secplane.ike.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ike.internal.show.SaSelection;

/**
 * {@code clear security ike security-associations [peer-address] [port N] [index N] [fpc N] [pic N]
 * [kmd-instance (all | name)] [family (inet | inet6)]} (ipsec-srx.md §3.2): deletes the selected IKE SAs with a
 * Delete to the peer, and with them (IKEv2, ¶198) their CHILD SAs. Prints nothing.
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityIkeSecurityAssociations implements OperationalCommand {

    private final IkeServiceComponent ike;

    @Activate
    public ClearSecurityIkeSecurityAssociations(@Reference IkeServiceComponent ike) {
        this.ike = ike;
    }

    @Override
    public String name() {
        return "clear security ike security-associations";
    }

    @Override
    public String help() {
        return "Clear IKE security associations and, for IKEv2, their IPsec SAs";
    }

    @Override
    public ArgumentSpec arguments() {
        return SaSelection.options(ArgumentSpec.builder(), true).build();
    }

    @Override
    public void execute(Invocation invocation) throws Exception {
        SaSelection selection = SaSelection.of(invocation.arguments());
        if (selection.any()) {
            ike.runtime().engine().clearIkeSecurityAssociations(selection.filter());
        }
    }
}
