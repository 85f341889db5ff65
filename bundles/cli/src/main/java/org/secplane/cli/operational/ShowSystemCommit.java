package org.secplane.cli.operational;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.config.CommitInfo;
import org.secplane.config.ConfigurationService;

/** {@code show system commit}: the stored commits, newest first, numbered as {@code rollback} takes them. */
@Component(service = OperationalCommand.class)
public class ShowSystemCommit implements OperationalCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ConfigurationService configuration;

    @Activate
    public ShowSystemCommit(@Reference ConfigurationService configuration) {
        this.configuration = configuration;
    }

    @Override
    public String name() {
        return "show system commit";
    }

    @Override
    public String help() {
        return "Show pending commit requests (if any) and commit history";
    }

    @Override
    public void execute(Invocation invocation) {
        List<CommitInfo> history = configuration.history();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            CommitInfo info = history.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sequence-number", i);
            entry.put("commit-id", info.sequence());
            entry.put("date-time", TIME.format(info.time()));
            entry.put("user", info.user());
            entry.put("client", info.client());
            entry.put("log", info.comment());
            entries.add(entry);
        }
        invocation.print(Report.of(Map.of("commit-information", Map.of("commit-history", entries)), out -> {
            for (Map<String, Object> entry : entries) {
                out.printf("%-3s %s by %s via %s%n", entry.get("sequence-number"), entry.get("date-time"),
                        entry.get("user"), entry.get("client"));
                if (!entry.get("log").toString().isEmpty()) {
                    out.println("    " + entry.get("log"));
                }
            }
        }));
    }
}
