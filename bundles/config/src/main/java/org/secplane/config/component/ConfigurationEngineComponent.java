package org.secplane.config.component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitInfo;
import org.secplane.config.CommitListener;
import org.secplane.config.ConfigView;
import org.secplane.config.ConfigurationService;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.SchemaContribution;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.config.internal.Projection;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.Schema;
import org.secplane.config.schema.SchemaNode;
import org.secplane.core.StateDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configuration engine in OSGi: gathers the schema contributions and commit checks of the
 * installed bundles, tells commit listeners, and projects the active configuration into Config Admin
 * after every commit, at start and whenever the schema changes (so a crash between commit and
 * projection, or a wiped Config Admin cache, is repaired at the next start).
 */
@Component(service = ConfigurationService.class, immediate = true)
public class ConfigurationEngineComponent implements ConfigurationService {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationEngineComponent.class);

    private final Map<Long, SchemaContribution> contributions = new ConcurrentSkipListMap<>();
    private final List<CommitCheck> pendingChecks = new CopyOnWriteArrayList<>();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

    @Reference
    private ConfigurationAdmin configurationAdmin;

    private volatile ConfigurationEngine engine;

    @Activate
    void activate() throws IOException {
        ConfigurationEngine opened = new ConfigurationEngine(StateDirectory.fromSystem().area("config"), LOG::warn);
        opened.addCommitHook(this::committed);
        for (CommitCheck check : pendingChecks) {
            opened.addCheck(check);
        }
        engine = opened;
        schemaChanged();
        LOG.info("configuration engine started at commit {}", opened.activeCommit().sequence());
    }

    @Deactivate
    void deactivate() {
        ConfigurationEngine closing = engine;
        engine = null;
        if (closing != null) {
            closing.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addContribution(SchemaContribution contribution, Map<String, Object> properties) {
        contributions.put((Long) properties.get(Constants.SERVICE_ID), contribution);
        schemaChanged();
    }

    void removeContribution(SchemaContribution contribution, Map<String, Object> properties) {
        contributions.remove((Long) properties.get(Constants.SERVICE_ID));
        schemaChanged();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCheck(CommitCheck check) {
        pendingChecks.add(check);
        ConfigurationEngine current = engine;
        if (current != null) {
            current.addCheck(check);
        }
    }

    void removeCheck(CommitCheck check) {
        pendingChecks.remove(check);
        ConfigurationEngine current = engine;
        if (current != null) {
            current.removeCheck(check);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addListener(CommitListener listener) {
        listeners.add(listener);
        ConfigurationEngine current = engine;
        if (current != null) {
            listener.committed(current.active(), current.activeCommit());
        }
    }

    void removeListener(CommitListener listener) {
        listeners.remove(listener);
    }

    private void schemaChanged() {
        ConfigurationEngine current = engine;
        if (current == null) {
            return;
        }
        List<Schema.Anchored> statements = new ArrayList<>();
        for (SchemaContribution contribution : contributions.values()) {
            statements.addAll(contribution.statements());
        }
        current.setContributions(statements);
        project(current);
    }

    private void committed(ConfigView active, CommitInfo commit) {
        ConfigurationEngine current = engine;
        if (current != null) {
            project(current);
        }
        for (CommitListener listener : listeners) {
            try {
                listener.committed(active, commit);
            } catch (RuntimeException e) {
                LOG.error("commit listener {} failed", listener, e);
            }
        }
    }

    /** Makes Config Admin hold exactly the objects of the active configuration. */
    private synchronized void project(ConfigurationEngine current) {
        try {
            Map<String, Configuration> existing = new HashMap<>();
            Configuration[] managed = configurationAdmin.listConfigurations("(" + Projection.MANAGED + "=true)");
            if (managed != null) {
                for (Configuration configuration : managed) {
                    Dictionary<String, Object> properties = configuration.getProperties();
                    existing.put(configuration.getFactoryPid() + "/" + properties.get(Projection.NAME), configuration);
                }
            }
            for (Projection.ConfiguredObject object : current.projection()) {
                Configuration configuration = existing.remove(object.factoryPid() + "/" + object.name());
                if (configuration == null) {
                    configuration = configurationAdmin.getFactoryConfiguration(object.factoryPid(), object.name(), "?");
                }
                configuration.updateIfDifferent(object.properties());
            }
            Set<String> known = projectedPids(current.schema().root(), new HashSet<>());
            for (Configuration stale : existing.values()) {
                if (known.contains(stale.getFactoryPid())) {
                    stale.delete();
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("projecting the configuration into Config Admin failed", e);
        }
    }

    private static Set<String> projectedPids(Container container, Set<String> pids) {
        if (container.pid() != null) {
            pids.add(container.pid());
        }
        for (SchemaNode<?> child : container.children()) {
            if (child instanceof Container) {
                projectedPids((Container) child, pids);
            } else if (child instanceof ListNode) {
                ListNode list = (ListNode) child;
                if (list.pid() != null) {
                    pids.add(list.pid());
                }
                projectedPids(list.entry(), pids);
            }
        }
        return pids;
    }

    private ConfigurationService service() {
        ConfigurationEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("the configuration engine is not running");
        }
        return current;
    }

    // ---- ConfigurationService, delegated ----

    @Override
    public ConfigView active() {
        return service().active();
    }

    @Override
    public CommitInfo activeCommit() {
        return service().activeCommit();
    }

    @Override
    public List<CommitInfo> history() {
        return service().history();
    }

    @Override
    public Schema schema() {
        return service().schema();
    }

    @Override
    public ConfigurationSession openSession(String user) {
        return service().openSession(user);
    }

    @Override
    public byte[] revealSecret(String sealed) {
        return service().revealSecret(sealed);
    }

    @Override
    public String showActive(List<String> path, OutputFormat format) {
        return service().showActive(path, format);
    }
}
