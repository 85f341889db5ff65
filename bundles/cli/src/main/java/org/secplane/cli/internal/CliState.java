package org.secplane.cli.internal;

import org.apache.karaf.shell.api.console.Session;
import org.secplane.config.ConfigurationSession;

/** One shell session's CLI state: operational mode, or configuration mode with its editing session. */
public final class CliState {

    private static final String KEY = "secplane.cli";

    private ConfigurationSession configuration;

    public static CliState of(Session session) {
        Object state = session.get(KEY);
        if (state instanceof CliState) {
            return (CliState) state;
        }
        CliState created = new CliState();
        session.put(KEY, created);
        return created;
    }

    public boolean inConfigurationMode() {
        return configuration != null;
    }

    /** The editing session; only in configuration mode. */
    public ConfigurationSession configuration() {
        return configuration;
    }

    public void enterConfigurationMode(ConfigurationSession session) {
        this.configuration = session;
    }

    public void leaveConfigurationMode() {
        this.configuration = null;
    }

    /** The prompt Junos shows: {@code user@host> }, or the {@code [edit …]} banner and {@code user@host# }. */
    public String prompt(String host) {
        return configuration == null ? "${USER}@" + host + "> "
                : configuration.editBanner() + "\n${USER}@" + host + "# ";
    }

    public static void updatePrompt(Session session, String host) {
        session.put("PROMPT", of(session).prompt(host));
    }
}
