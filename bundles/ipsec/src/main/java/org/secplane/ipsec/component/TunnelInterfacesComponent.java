package org.secplane.ipsec.component;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secplane.config.CommitInfo;
import org.secplane.config.CommitListener;
import org.secplane.config.ConfigView;
import org.secplane.driver.DeviceFamily;
import org.secplane.ipsec.internal.tunnel.TunnelApplier;
import org.secplane.ipsec.internal.tunnel.TunnelPlan;
import org.secplane.ipsec.internal.tunnel.TunnelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the committed configuration ({@link CommitListener}) and makes the active {@link DeviceFamily}'s
 * tunnel interfaces match {@code interfaces st0 unit N} and the static routes through them. The family is
 * an optional, dynamic, greedy reference: without one the units wait (and say so); a family that appears
 * gets them at once. The bundle's other components reach the tunnels through {@link #registry()} (this
 * component is also registered under its own, bundle-private type).
 */
@Component(service = {CommitListener.class, TunnelInterfacesComponent.class}, immediate = true)
public class TunnelInterfacesComponent implements CommitListener {

    private static final Logger LOG = LoggerFactory.getLogger(TunnelInterfacesComponent.class);

    private final TunnelRegistry registry = new TunnelRegistry();
    private final TunnelApplier applier = new TunnelApplier(registry, LOG::warn);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFamily")
    void addFamily(DeviceFamily family) {
        LOG.info("tunnel interfaces go to device family {}", family.name());
        applier.familyAdded(family);
    }

    void removeFamily(DeviceFamily family) {
        applier.familyRemoved(family);
    }

    @Override
    public void committed(ConfigView active, CommitInfo commit) {
        applier.apply(TunnelPlan.of(active));
    }

    /** The tunnel interfaces, for the data plane and status commands of this bundle. */
    public TunnelRegistry registry() {
        return registry;
    }
}
