package org.secplane.cli.operational;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.core.StateDirectory;

/** {@code show version}: the release, the state directory, and every secplane module with its state. */
@Component(service = OperationalCommand.class)
public class ShowVersion implements OperationalCommand {

    private final BundleContext context;

    @Activate
    public ShowVersion(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "show version";
    }

    @Override
    public String help() {
        return "Show software process revision levels";
    }

    @Override
    public void execute(Invocation invocation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("host-name", HostName.of(context));
        data.put("product-model", "secplane");
        data.put("release", context.getBundle().getVersion().toString());
        data.put("state-directory", StateDirectory.fromSystem().toString());
        List<Map<String, Object>> modules = new ArrayList<>();
        Bundle[] bundles = context.getBundles();
        Arrays.sort(bundles, Comparator.comparing(Bundle::getSymbolicName));
        for (Bundle bundle : bundles) {
            if (bundle.getSymbolicName().startsWith("org.secplane.")) {
                Map<String, Object> module = new LinkedHashMap<>();
                module.put("name", bundle.getSymbolicName());
                module.put("version", bundle.getVersion().toString());
                module.put("state", stateName(bundle.getState()));
                modules.add(module);
            }
        }
        data.put("module", modules);
        invocation.print(Report.of(Map.of("software-information", data), out -> {
            out.println("Hostname: " + data.get("host-name"));
            out.println("Model: secplane");
            out.println("secplane release " + data.get("release"));
            out.println("State directory: " + data.get("state-directory"));
            out.printf("%-36s %-24s %s%n", "Module", "Version", "State");
            for (Map<String, Object> module : modules) {
                out.printf("%-36s %-24s %s%n", module.get("name"), module.get("version"), module.get("state"));
            }
        }));
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE: return "Active";
            case Bundle.RESOLVED: return "Resolved";
            case Bundle.INSTALLED: return "Installed";
            case Bundle.STARTING: return "Starting";
            case Bundle.STOPPING: return "Stopping";
            default: return "Uninstalled";
        }
    }
}
