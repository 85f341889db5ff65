package org.secplane.shell.component;

import java.io.InputStream;
import java.io.PrintStream;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.api.console.Terminal;
import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.shell.internal.StatementByStatementSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf's session factory, wrapped so that its sessions run scripts statement by statement and scripts
 * piped to {@code bin/client -b} (and {@code ssh host 'cmd'}) behave like lines typed at the console.
 *
 * <p>How the SSH server comes to use it: Karaf's SSH bundle tracks the session factory with its
 * {@code SingleServiceTracker}, which sorts the references in ascending order and takes the first, that
 * is the <em>lowest</em>-ranked one, and looks again only when it restarts or that factory goes away.
 * Ranked -1, this factory is the one the SSH server takes, while every other consumer (the shell's own
 * commands, Pax Exam) keeps the highest-ranked one, Karaf's. Both bundles start at the same start
 * level, so at boot the SSH bundle usually found Karaf's first: when this factory starts and the SSH
 * bundle is not using it, it restarts the SSH bundle once (at boot, before anyone can log in). Kept in a
 * bundle of its own that rarely changes for that reason: the SSH server restarts whenever the factory it
 * uses comes or goes. The itests that pipe scripts with one-word lines ({@code configure}, {@code commit})
 * through {@code bin/client -b} fail if this stops working.
 */
@Component(service = SessionFactory.class, immediate = true, property = {"service.ranking:Integer=-1",
        "secplane.session=statement-by-statement"})
public class ScriptSessionFactory implements SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptSessionFactory.class);
    private static final String SSH_BUNDLE = "org.apache.karaf.shell.ssh";

    @Reference(target = "(!(secplane.session=*))")
    private SessionFactory karaf;

    @Activate
    void activate(BundleContext context) {
        Thread restarter = new Thread(() -> moveSshServerHere(context), "secplane-ssh-session-factory");
        restarter.setDaemon(true);
        restarter.start();
    }

    /** Restarts the SSH bundle when it holds another session factory than this one. */
    private static void moveSshServerHere(BundleContext context) {
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                ServiceReference<?>[] mine = context.getServiceReferences(SessionFactory.class.getName(),
                        "(secplane.session=statement-by-statement)");
                if (mine != null && mine.length > 0) {
                    Bundle ssh = sshBundle(context);
                    if (ssh == null || ssh.getState() != Bundle.ACTIVE || usedBy(mine[0], ssh)) {
                        return;
                    }
                    LOG.info("restarting {} so that its SSH server runs scripts through {}", SSH_BUNDLE,
                            ScriptSessionFactory.class.getSimpleName());
                    ssh.stop(Bundle.STOP_TRANSIENT);
                    ssh.start(Bundle.START_TRANSIENT);
                    return;
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            LOG.warn("could not move the SSH server to the statement-by-statement session factory", e);
        }
    }

    private static Bundle sshBundle(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (SSH_BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }

    private static boolean usedBy(ServiceReference<?> reference, Bundle bundle) {
        Bundle[] users = reference.getUsingBundles();
        return users != null && Arrays.asList(users).contains(bundle);
    }

    @Override
    public Registry getRegistry() {
        return karaf.getRegistry();
    }

    @Override
    public Session create(InputStream in, PrintStream out, PrintStream err, Terminal term, String encoding,
            Runnable closeCallback) {
        return new StatementByStatementSession(karaf.create(in, out, err, term, encoding, closeCallback), this);
    }

    @Override
    public Session create(InputStream in, PrintStream out, PrintStream err) {
        return new StatementByStatementSession(karaf.create(in, out, err), this);
    }

    @Override
    public Session create(InputStream in, PrintStream out, PrintStream err, Session parent) {
        return new StatementByStatementSession(karaf.create(in, out, err, parent), this);
    }
}
