package org.secplane.ike.component;

import org.secplane.config.schema.Types;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ike.internal.engine.IkeEngine;

/**
 * {@code clear security ike respond-bad-spi-count [gateway-name]} (ipsec-srx.md §3.1, D-20): zeroes the invalid-SPI
 * response counters of every gateway or of one. Prints nothing; an unknown gateway is an error.
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityIkeRespondBadSpiCount implements OperationalCommand {

    private final IkeServiceComponent ike;

    @Activate
    public ClearSecurityIkeRespondBadSpiCount(@Reference IkeServiceComponent ike) {
        this.ike = ike;
    }

    @Override
    public String name() {
        return "clear security ike respond-bad-spi-count";
    }

    @Override
    public String help() {
        return "Clear the counters of responses to invalid SPIs";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder().positional("gateway-name", Types.name("gateway-name"), "Name of the IKE gateway").build();
    }

    @Override
    public void execute(Invocation invocation) throws Exception {
        IkeEngine engine = ike.runtime().engine();
        String gateway = invocation.arguments().get("gateway-name").orElse(null);
        if (gateway != null && !engine.policy().gateways.containsKey(gateway)) {
            throw new CommandFailedException("IKE gateway " + gateway + " is not configured");
        }
        engine.clearRespondBadSpiCount(gateway);
    }
}
