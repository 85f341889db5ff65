package org.secplane.ike.component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.ike.internal.engine.IkeEngine;
import org.secplane.ike.internal.runtime.IkeRuntime;
import org.secplane.ike.internal.show.IkeStatisticsReport;

/**
 * {@code show security ike statistics}, a secplane extension: UDP ports, data plane, messages dropped per
 * reason, authentication and CHILD SA failures with their reasons (see {@link IkeStatisticsReport}).
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityIkeStatistics implements OperationalCommand {

    private final IkeServiceComponent ike;

    @Activate
    public ShowSecurityIkeStatistics(@Reference IkeServiceComponent ike) {
        this.ike = ike;
    }

    @Override
    public String name() {
        return "show security ike statistics";
    }

    @Override
    public String help() {
        return "Show IKE ports, dropped messages and authentication failures with their reasons (secplane extension)";
    }

    @Override
    public void execute(Invocation invocation) {
        IkeRuntime runtime = ike.runtime();
        IkeEngine engine = runtime.engine();
        invocation.print(IkeStatisticsReport.of(new IkeStatisticsReport.Input(runtime.ports().status(),
                runtime.ports().counters(), runtime.installer().hasDataPlane(), runtime.installer().recorded().size(),
                engine.dropCounters(), engine.authenticationFailures(), engine.childFailures(), runtime.problems(),
                engine.respondBadSpiCounts(), engine.now())));
    }
}
