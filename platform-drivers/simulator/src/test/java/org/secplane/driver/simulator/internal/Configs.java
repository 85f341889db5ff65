package org.secplane.driver.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigView;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;
import org.secplane.config.Words;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.network.internal.config.NetworkConfiguration;

/** Committed configurations made by the real engine with the real interface schema. */
final class Configs {

    private Configs() {
    }

    /** Commits {@code set …} lines (without "set") and returns the active configuration. */
    static ConfigView committed(Path state, String... lines) throws Exception {
        try (ConfigurationEngine engine = new ConfigurationEngine(state, notice -> { })) {
            NetworkConfiguration network = new NetworkConfiguration();
            engine.setContributions(network.statements());
            engine.addCheck(network);
            ConfigurationSession session = engine.openSession("test");
            for (String line : lines) {
                Outcome outcome = line.startsWith("delete ") ? session.delete(Words.split(line.substring(7)))
                        : session.set(Words.split(line));
                assertTrue(outcome.isSuccess(), line + ": " + outcome);
            }
            Outcome commit = session.commit(CommitRequest.commit(""));
            assertTrue(commit.isSuccess(), commit.toString());
            return engine.active();
        }
    }
}
