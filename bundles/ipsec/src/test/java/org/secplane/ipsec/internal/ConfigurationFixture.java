package org.secplane.ipsec.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigView;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;
import org.secplane.config.SchemaContribution;
import org.secplane.config.Words;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.config.schema.Schema;

/** The real configuration engine with the given bundles' statements and checks, committing {@code set}/{@code delete} lines. */
public final class ConfigurationFixture implements AutoCloseable {

    private final ConfigurationEngine engine;
    private final ConfigurationSession session;

    /** {@code modules}: objects that are both {@link SchemaContribution} and {@link CommitCheck}. */
    public ConfigurationFixture(Path state, Object... modules) {
        try {
            engine = new ConfigurationEngine(state, notice -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Schema.Anchored> statements = new ArrayList<>();
        for (Object module : modules) {
            statements.addAll(((SchemaContribution) module).statements());
        }
        engine.setContributions(statements);
        for (Object module : modules) {
            engine.addCheck((CommitCheck) module);
        }
        session = engine.openSession("test");
    }

    /** Applies the lines ({@code set} optional, {@code delete …}), commits, fails on any error; the active configuration. */
    public ConfigView commit(String... lines) {
        for (String line : lines) {
            Outcome outcome = line.startsWith("delete ") ? session.delete(Words.split(line.substring(7)))
                    : session.set(Words.split(line.startsWith("set ") ? line.substring(4) : line));
            assertTrue(outcome.isSuccess(), line + ": " + outcome);
        }
        Outcome commit = session.commit(CommitRequest.commit(""));
        assertTrue(commit.isSuccess(), commit.toString());
        return engine.active();
    }

    /** The engine as the running product's configuration service (opens sealed secrets). */
    public org.secplane.config.ConfigurationService service() {
        return engine;
    }

    public byte[] reveal(String sealed) {
        return engine.revealSecret(sealed);
    }

    @Override
    public void close() {
        engine.close();
    }
}
