package org.secplane.cli.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.karaf.shell.api.console.Registry;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.internal.CliServices;
import org.secplane.cli.operational.HostName;
import org.secplane.config.ConfigurationService;

/** Registers the Junos CLI commands in the Karaf shell and gives them the running services. */
@Component(immediate = true)
public class CliComponent implements CliServices {

    private final List<OperationalCommand> operational = new CopyOnWriteArrayList<>();
    private final List<JunosCommand> commands = new ArrayList<>();

    @Reference
    private SessionFactory sessionFactory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationService configuration;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addOperationalCommand(OperationalCommand command) {
        operational.add(command);
    }

    void removeOperationalCommand(OperationalCommand command) {
        operational.remove(command);
    }

    /**
     * The local console's session, registered as a service by Karaf; it may have started before this
     * bundle, when its init script could not yet run cli-init.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSession(Session session) {
        CliInitCommand.prepare(session, hostName());
    }

    void removeSession(Session session) {
        // nothing to undo: the session is closing
    }

    @Activate
    void activate() {
        commands.add(new ShowCommand(this));
        commands.add(new RequestCommand(this));
        commands.add(new ClearCommand(this));
        commands.add(new RunCommand(this));
        commands.add(new ConfigureCommand(this));
        commands.add(new EditCommand(this));
        commands.add(new SetCommand(this));
        commands.add(new DeleteCommand(this));
        commands.add(new InsertCommand(this));
        commands.add(new UpCommand(this));
        commands.add(new TopCommand(this));
        commands.add(new ExitCommand(this));
        commands.add(new QuitCommand(this));
        commands.add(new CommitCommand(this));
        commands.add(new RollbackCommand(this));
        commands.add(new LoadCommand(this));
        commands.add(new CliInitCommand(this));
        Registry registry = sessionFactory.getRegistry();
        for (JunosCommand command : commands) {
            registry.register(command);
        }
    }

    @Deactivate
    void deactivate() {
        Registry registry = sessionFactory.getRegistry();
        for (JunosCommand command : commands) {
            registry.unregister(command);
        }
        commands.clear();
    }

    @Override
    public ConfigurationService configuration() {
        return configuration;
    }

    @Override
    public List<OperationalCommand> operationalCommands() {
        return operational;
    }

    @Override
    public String hostName() {
        return HostName.of(configuration);
    }
}
