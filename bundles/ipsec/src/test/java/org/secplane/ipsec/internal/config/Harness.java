package org.secplane.ipsec.internal.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigurationService.OutputFormat;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;
import org.secplane.config.SchemaContribution;
import org.secplane.config.Words;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.config.schema.Schema;
import org.secplane.ike.internal.config.IkeConfiguration;

/** A configuration engine with the IKE and IPsec statements and checks (and the network stand-in), for tests. */
final class Harness implements AutoCloseable {

    final ConfigurationEngine engine;
    final ConfigurationSession session;

    Harness(Path state, List<Schema.Anchored> network, Object... modules) throws Exception {
        engine = new ConfigurationEngine(state, notice -> { });
        List<Schema.Anchored> statements = new ArrayList<>(network);
        for (Object module : modules) {
            statements.addAll(((SchemaContribution) module).statements());
            engine.addCheck((CommitCheck) module);
        }
        engine.setContributions(statements);
        assertTrue(engine.schema().clashes().isEmpty(), engine.schema().clashes().toString());
        session = engine.openSession("test");
    }

    static Harness ipsec(Path state) throws Exception {
        return new Harness(state, NetworkFixture.junosShapes(), new IkeConfiguration(), new IpsecConfiguration());
    }

    Outcome set(String line) {
        return session.set(Words.split(line));
    }

    /** Applies {@code set}/{@code delete} lines (without the command word for set) and fails on the first error. */
    Harness apply(List<String> lines) {
        for (String line : lines) {
            Outcome outcome = line.startsWith("delete ") ? session.delete(Words.split(line.substring(7))) : set(line);
            assertTrue(outcome.isSuccess(), line + ": " + outcome);
        }
        return this;
    }

    Outcome check() {
        return session.commit(CommitRequest.check());
    }

    String show(String path) {
        return String.join("\n", session.show(Words.split(path), OutputFormat.TEXT).lines());
    }

    @Override
    public void close() {
        engine.close();
    }
}
