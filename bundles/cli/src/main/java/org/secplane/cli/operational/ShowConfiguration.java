package org.secplane.cli.operational;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.ConfigurationService;
import org.secplane.config.ConfigurationService.OutputFormat;

/** {@code show configuration [path] [| display set|json]}: the active configuration. */
@Component(service = OperationalCommand.class)
public class ShowConfiguration implements OperationalCommand {

    private final ConfigurationService configuration;

    @Activate
    public ShowConfiguration(@Reference ConfigurationService configuration) {
        this.configuration = configuration;
    }

    @Override
    public String name() {
        return "show configuration";
    }

    @Override
    public String help() {
        return "Show current configuration";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.freeForm();
    }

    @Override
    public void execute(Invocation invocation) {
        OutputFormat format = invocation.display() == Invocation.Display.JSON ? OutputFormat.JSON
                : invocation.display() == Invocation.Display.SET ? OutputFormat.SET : OutputFormat.TEXT;
        String text = configuration.showActive(invocation.words(), format);
        if (!text.isEmpty()) {
            invocation.out().println(text);
        }
    }
}
