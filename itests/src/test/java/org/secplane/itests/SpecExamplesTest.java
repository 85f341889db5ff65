package org.secplane.itests;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.ConfigurationSession.LoadMode;
import org.secplane.config.Outcome;
import org.secplane.config.SchemaContribution;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.config.schema.Schema;
import org.secplane.ike.internal.config.IkeConfiguration;
import org.secplane.ipsec.internal.config.IpsecConfiguration;
import org.secplane.network.internal.config.NetworkConfiguration;
import org.secplane.pki.internal.config.PkiConfiguration;
import org.secplane.servicesipsec.internal.config.ServicesIpsecConfiguration;

/**
 * Every configuration example of the specs loads and passes {@code commit check} with the schema and
 * checks of all installed bundles, or fails with the error its documentation bug earns (see
 * {@code spec-examples/README.md}). {@code SpecExamplesIT} repeats this through the real shell.
 */
class SpecExamplesTest {

    @TempDir
    Path state;

    static List<SpecExample> examples() throws Exception {
        return SpecExample.all();
    }

    /** The configuration modules of every domain bundle, as the distribution installs them. */
    static List<Object> modules() {
        return List.of(new NetworkConfiguration(), new PkiConfiguration(), new IkeConfiguration(),
                new IpsecConfiguration(), new ServicesIpsecConfiguration());
    }

    static ConfigurationEngine engine(Path state) throws Exception {
        ConfigurationEngine engine = new ConfigurationEngine(state, notice -> { });
        List<Schema.Anchored> statements = new ArrayList<>();
        for (Object module : modules()) {
            statements.addAll(((SchemaContribution) module).statements());
            engine.addCheck((CommitCheck) module);
        }
        engine.setContributions(statements);
        assertTrue(engine.schema().clashes().isEmpty(), "schema clashes: " + engine.schema().clashes());
        return engine;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void loadsAndPassesCommitCheckOrFailsAsItsDocBugSays(SpecExample example) throws Exception {
        try (ConfigurationEngine engine = engine(state)) {
            ConfigurationSession session = engine.openSession("test");
            Outcome loaded = session.load(example.isSetForm() ? LoadMode.SET : LoadMode.MERGE, example.text(),
                    example.file.getFileName().toString());
            Outcome checked = loaded.isSuccess() ? session.commit(CommitRequest.check()) : loaded;
            String output = String.join("\n", loaded.lines()) + "\n" + String.join("\n", checked.lines());
            assertNull(example.mismatch(loaded.isSuccess() && checked.isSuccess(), output),
                    example + " (" + example.source + ")");
        }
    }
}
