package org.secplane.itests;

import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.doNotModifyLogConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the reactor-built secplane distribution under Pax Exam, offline, on free ports, with the JDK 17
 * module options Karaf's own scripts pass (Pax Exam 4.14 omits them on JDK 11+).
 */
public abstract class KarafTestSupport {

    @Inject
    protected BundleContext bundleContext;

    /** Options for the distribution as shipped, plus {@code extra}. */
    protected static Option[] distribution(Option... extra) {
        String tarball = requiredProperty("secplane.distribution");
        String karafVersion = requiredProperty("karaf.version");
        List<Option> options = new ArrayList<>();
        options.add(karafDistributionConfiguration()
                .frameworkUrl(new File(tarball).toURI().toString())
                .name("secplane")
                .unpackDirectory(new File("target/exam"))
                .useDeployFolder(false));
        options.add(keepRuntimeFolder());
        options.add(configureConsole().ignoreLocalConsole());
        options.add(doNotModifyLogConfiguration());
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.rootLogger.level", "WARN"));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                "org.ops4j.pax.url.mvn.localRepository", requiredProperty("secplane.localRepository")));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"));
        // the simulator device family: a test never creates TUN devices or routes on the host
        options.add(editConfigurationFilePut("etc/org.secplane.platform.cfg", "family", "simulator"));
        options.addAll(jdk17ModuleOptions(karafVersion));
        for (Option option : extra) {
            options.add(option);
        }
        return options.toArray(new Option[0]);
    }

    private static List<Option> jdk17ModuleOptions(String karafVersion) {
        List<Option> options = new ArrayList<>();
        options.add(vmOption("--add-reads=java.xml=java.logging"));
        options.add(vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"));
        options.add(new VMOption("--patch-module"));
        options.add(new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"));
        options.add(new VMOption("--patch-module"));
        options.add(new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"));
        for (String opens : new String[] {"java.base/java.security", "java.base/java.net", "java.base/java.lang",
                "java.base/java.util", "java.naming/javax.naming.spi", "java.rmi/sun.rmi.transport.tcp"}) {
            options.add(new VMOption("--add-opens"));
            options.add(new VMOption(opens + "=ALL-UNNAMED"));
        }
        for (String exports : new String[] {"java.base/sun.net.www.protocol.file", "java.base/sun.net.www.protocol.ftp",
                "java.base/sun.net.www.protocol.http", "java.base/sun.net.www.protocol.https",
                "java.base/sun.net.www.protocol.jar", "java.base/sun.net.www.content.text",
                "jdk.xml.dom/org.w3c.dom.html", "jdk.naming.rmi/com.sun.jndi.url.rmi", "java.rmi/sun.rmi.registry",
                "java.security.sasl/com.sun.security.sasl", "java.naming/com.sun.jndi.ldap"}) {
            options.add(new VMOption("--add-exports=" + exports + "=ALL-UNNAMED"));
        }
        return options;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set; run the itests through Maven");
        }
        return value;
    }

    static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("no free local port", e);
        }
    }

    /** Runs {@code commandLines} in one shell session, as typed, and returns everything it printed. */
    protected String execute(String commandLines, String stdin) throws Exception {
        SessionFactory sessionFactory = service(SessionFactory.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Session session = sessionFactory.create(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, out)) {
            // as etc/scripts/secplane.script does for console, SSH and bin/client sessions
            session.execute("secplane:cli-init");
            session.execute(commandLines);
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    protected String execute(String commandLines) throws Exception {
        return execute(commandLines, "");
    }

    protected <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(30_000);
            if (service == null) {
                throw new AssertionError("service " + type.getName() + " did not appear within 30 s");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** Bundles that are neither active nor resolved fragments: each is a broken installation. */
    protected List<String> bundlesNotActive() {
        List<String> broken = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                broken.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " state " + bundle.getState());
            }
        }
        return broken;
    }

    /**
     * Declarative Services components of secplane bundles that are configured but not working
     * (unsatisfied reference, failed activation), with the reason SCR gives. Without SCR installed
     * there are no components to check.
     */
    protected List<String> secplaneComponentsNotWorking() {
        ServiceReference<?> reference =
                bundleContext.getServiceReference("org.osgi.service.component.runtime.ServiceComponentRuntime");
        if (reference == null) {
            return new ArrayList<>();
        }
        // a separate class, so the DTO types load only where SCR is installed
        return ComponentHealth.notWorking(bundleContext, reference);
    }

}
