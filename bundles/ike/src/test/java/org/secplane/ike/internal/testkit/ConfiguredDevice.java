package org.secplane.ike.internal.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigView;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.config.schema.Schema;
import org.secplane.ike.internal.config.IkeConfiguration;
import org.secplane.ike.internal.policy.IpsecFixture;
import org.secplane.network.internal.config.NetworkConfiguration;

/**
 * A device's configuration as the product holds it: a real configuration engine with the network, IKE and
 * (stand-in) IPsec statements, loaded from {@code set} lines and committed, so tests drive key management with
 * what a user types and secrets stay sealed until key management opens them.
 */
public final class ConfiguredDevice implements AutoCloseable {

    private final ConfigurationEngine engine;
    private final ConfigurationSession session;

    public ConfiguredDevice(Path state) throws Exception {
        Files.createDirectories(state);
        engine = new ConfigurationEngine(state, notice -> { });
        List<Schema.Anchored> statements = new ArrayList<>(new NetworkConfiguration().statements());
        IkeConfiguration ike = new IkeConfiguration();
        statements.addAll(ike.statements());
        statements.addAll(IpsecFixture.statements());
        engine.setContributions(statements);
        engine.addCheck(ike);
        session = engine.openSession("test");
    }

    /** Loads {@code set} lines and commits them; returns the active configuration. */
    public ConfigView commit(String setLines) {
        Outcome loaded = session.load(ConfigurationSession.LoadMode.SET, setLines, "test");
        if (!loaded.isSuccess()) {
            throw new IllegalArgumentException("load failed: " + loaded);
        }
        Outcome committed = session.commit(CommitRequest.commit(""));
        if (!committed.isSuccess()) {
            throw new IllegalArgumentException("commit failed: " + committed);
        }
        return engine.active();
    }

    public ConfigView active() {
        return engine.active();
    }

    /** The configuration service's {@code revealSecret}. */
    public byte[] revealSecret(String sealed) {
        return engine.revealSecret(sealed);
    }

    @Override
    public void close() {
        engine.close();
    }
}
