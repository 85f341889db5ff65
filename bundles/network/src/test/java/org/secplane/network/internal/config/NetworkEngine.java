package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigurationService.OutputFormat;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.ConfigurationSession.LoadMode;
import org.secplane.config.Outcome;
import org.secplane.config.Words;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.config.schema.Schema;

/** A configuration engine with this bundle's schema and checks (plus the test stand-in for IKE/IPsec). */
final class NetworkEngine implements AutoCloseable {

    final ConfigurationEngine engine;
    final ConfigurationSession session;

    NetworkEngine(Path state) throws Exception {
        engine = new ConfigurationEngine(state, notice -> { });
        NetworkConfiguration network = new NetworkConfiguration();
        List<Schema.Anchored> statements = new ArrayList<>(network.statements());
        statements.add(VpnStubSchema.contribution());
        engine.setContributions(statements);
        engine.addCheck(network);
        assertTrue(engine.schema().clashes().isEmpty(), "schema clashes: " + engine.schema().clashes());
        session = engine.openSession("test");
    }

    Outcome set(String line) {
        return session.set(Words.split(line.startsWith("set ") ? line.substring(4) : line));
    }

    /** Loads {@code set}/{@code insert}/… lines, failing the test when the load itself fails. */
    NetworkEngine load(String... lines) {
        Outcome outcome = session.load(LoadMode.SET, String.join("\n", lines), "test.set");
        assertTrue(outcome.isSuccess(), "load failed: " + outcome);
        return this;
    }

    Outcome loadBraces(String text) {
        return session.load(LoadMode.MERGE, text, "test.conf");
    }

    Outcome check() {
        return session.commit(CommitRequest.check());
    }

    /** Commit check must succeed; returns its output (warnings). */
    String assertCommits() {
        Outcome outcome = check();
        assertTrue(outcome.isSuccess(), "commit check failed:\n" + outcome);
        return outcome.toString();
    }

    /** Commit check must fail with an error containing every fragment. */
    String assertCommitError(String... fragments) {
        Outcome outcome = check();
        assertFalse(outcome.isSuccess(), "commit check succeeded, expected an error containing " + List.of(fragments));
        for (String fragment : fragments) {
            assertTrue(outcome.toString().contains(fragment), "expected '" + fragment + "' in:\n" + outcome);
        }
        return outcome.toString();
    }

    String show(String path) {
        return String.join("\n", session.show(path.isEmpty() ? List.of() : Words.split(path), OutputFormat.TEXT).lines());
    }

    @Override
    public void close() {
        engine.close();
    }
}
