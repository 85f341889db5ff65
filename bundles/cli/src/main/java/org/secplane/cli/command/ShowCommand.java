package org.secplane.cli.command;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.secplane.core.StateDirectory;

/** {@code show version}: the release and every secplane module with its version and state. */
@Command(scope = "secplane", name = "show", description = "Show information about the system")
@Service
public class ShowCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Argument(index = 0, multiValued = true, description = "what to show")
    List<String> words;

    @Override
    public Object execute() throws Exception {
        if (words == null || words.isEmpty() || !words.get(0).equals("version")) {
            System.out.println("syntax error, expecting <command>: version");
            return null;
        }
        Bundle self = bundleContext.getBundle();
        System.out.println("Hostname: " + InetAddress.getLocalHost().getHostName());
        System.out.println("Model: secplane");
        System.out.println("secplane release " + self.getVersion());
        System.out.println("State directory: " + StateDirectory.fromSystem());
        Bundle[] bundles = bundleContext.getBundles();
        Arrays.sort(bundles, (a, b) -> a.getSymbolicName().compareTo(b.getSymbolicName()));
        System.out.printf("%-36s %-24s %s%n", "Module", "Version", "State");
        for (Bundle bundle : bundles) {
            if (bundle.getSymbolicName().startsWith("org.secplane.")) {
                System.out.printf("%-36s %-24s %s%n", bundle.getSymbolicName(), bundle.getVersion(),
                        stateName(bundle.getState()));
            }
        }
        return null;
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
