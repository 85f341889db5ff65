package org.secplane.ipsec.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * {@code clear security ipsec security-associations [index N] [family inet|inet6] [fpc N] [pic N]
 * [kmd-instance all|name]} (ipsec-srx.md §3.3): negotiated pairs are handed to key management to delete with
 * the peer ({@code KeyManager.clear}, ipsec-api 1.2; removed here when key management does not take them),
 * manual pairs start afresh from the configuration. "This command produces no output."
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityIpsecSecurityAssociations implements OperationalCommand {

    private final DataPlaneComponent dataPlane;

    @Activate
    public ClearSecurityIpsecSecurityAssociations(@Reference DataPlaneComponent dataPlane) {
        this.dataPlane = dataPlane;
    }

    @Override
    public String name() {
        return "clear security ipsec security-associations";
    }

    @Override
    public String help() {
        return "Clear IPsec security associations";
    }

    @Override
    public ArgumentSpec arguments() {
        return SaSelection.options(ArgumentSpec.builder(), true).build();
    }

    @Override
    public void execute(Invocation invocation) {
        IpsecReports.Filter filter = SaSelection.filter(invocation.arguments());
        for (SaPair pair : dataPlane.dataPlane().pairs()) {
            if (filter.matches(pair)) {
                dataPlane.dataPlane().clearSecurityAssociation(pair);
            }
        }
    }
}
