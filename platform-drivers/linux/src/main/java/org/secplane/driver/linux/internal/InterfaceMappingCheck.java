package org.secplane.driver.linux.internal;

import org.secplane.driver.IpPrefix;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;
import org.secplane.driver.PlatformSelection;

/**
 * The commit check the linux family adds while it is active: every interface configured under
 * {@code interfaces} (but st0, whose units become TUN devices, and lo0) needs a host interface in the
 * interface map, else the commit fails naming the interface and how to map it. A mapped interface whose
 * host interface is missing, or lacks a configured address, is a warning: secplane uses the configured
 * address but does not change the host's interfaces.
 */
public final class InterfaceMappingCheck implements CommitCheck {

    private final Map<String, String> interfaceMap;
    private final HostInterfaces host;

    public InterfaceMappingCheck(Map<String, String> interfaceMap, HostInterfaces host) {
        this.interfaceMap = Map.copyOf(interfaceMap);
        this.host = host;
    }

    @Override
    public void check(CommitContext context) {
        Optional<ConfigView> interfaces = context.candidate().child("interfaces");
        if (interfaces.isEmpty()) {
            return;
        }
        for (ConfigView device : interfaces.get().children()) {
            String name = device.keyword();
            if (name.equals("st0") || name.equals("lo0")) {
                continue;
            }
            List<ConfigView> units = device.children("unit");
            if (units.isEmpty()) {
                checkUnit(context, device, name, null);
            }
            for (ConfigView unit : units) {
                checkUnit(context, unit, name + "." + unit.value(), unit);
            }
        }
    }

    private void checkUnit(CommitContext context, ConfigView statement, String junosName, ConfigView unit) {
        Optional<String> mapped = PlatformSelection.hostInterface(interfaceMap, junosName);
        if (mapped.isEmpty()) {
            String device = junosName.indexOf('.') < 0 ? junosName : junosName.substring(0, junosName.lastIndexOf('.'));
            context.error(statement, "interface " + junosName + " has no host interface on the linux device family; map it in "
                    + "etc/" + PlatformSelection.PID + ".cfg, e.g. 'interface-map = " + device + ":eth1' (Junos interface or "
                    + "unit, colon, host interface; entries separated by commas)");
            return;
        }
        Optional<List<String>> present = host.addresses(mapped.get());
        if (present.isEmpty()) {
            context.warning(statement, "host interface " + mapped.get() + " of " + junosName + " does not exist (yet)");
            return;
        }
        if (unit == null) {
            return;
        }
        for (String family : new String[] {"inet", "inet6"}) {
            Optional<ConfigView> addresses = unit.find("family", family);
            if (addresses.isEmpty()) {
                continue;
            }
            for (ConfigView address : addresses.get().children("address")) {
                String wanted;
                try {
                    wanted = IpPrefix.parse(address.value()).toString();
                } catch (IllegalArgumentException e) {
                    continue; // the schema reports malformed prefixes
                }
                if (!present.get().contains(wanted)) {
                    context.warning(address, "host interface " + mapped.get() + " of " + junosName + " does not have "
                            + wanted + " (it has " + (present.get().isEmpty() ? "no addresses" : String.join(", ", present.get()))
                            + "); secplane uses the configured address but does not change host interfaces: add it on the "
                            + "host ('ip address add " + wanted + " dev " + mapped.get() + "')");
                }
            }
        }
    }
}
