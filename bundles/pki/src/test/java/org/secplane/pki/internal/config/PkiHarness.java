package org.secplane.pki.internal.config;

import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.keylessList;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.name;

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

/**
 * A configuration engine with the PKI statements and checks, plus a stand-in for the network bundle's
 * {@code routing-instances} (keyless entries named after the instance, as Junos writes them) so that
 * the routing-instance check can be exercised without depending on that bundle.
 */
final class PkiHarness implements AutoCloseable {

    final ConfigurationEngine engine;
    final ConfigurationSession session;

    PkiHarness(Path state) throws Exception {
        engine = new ConfigurationEngine(state, notice -> { });
        PkiConfiguration pki = new PkiConfiguration();
        List<Schema.Anchored> statements = new ArrayList<>(pki.statements());
        statements.add(Schema.at("", container("routing-instances",
                keylessList("instance", key(name("routing-instance-name")),
                        leaf("instance-type", enumeration("virtual-router", "vrf"))))));
        engine.setContributions(statements);
        engine.addCheck(pki);
        session = engine.openSession("admin");
    }

    /** {@code set} with a full path; the words after "set". */
    Outcome set(String line) {
        return session.set(Words.split(line));
    }

    /** Sets every line, failing loudly if one is refused. */
    PkiHarness setAll(String... lines) {
        for (String line : lines) {
            Outcome outcome = set(line);
            if (!outcome.isSuccess()) {
                throw new AssertionError("set " + line + ": " + outcome);
            }
        }
        return this;
    }

    Outcome check() {
        return session.commit(CommitRequest.check());
    }

    Outcome commit() {
        return session.commit(CommitRequest.commit(""));
    }

    Outcome loadSet(String text) {
        return session.load(LoadMode.SET, text, "test.set");
    }

    Outcome loadMerge(String text) {
        return session.load(LoadMode.MERGE, text, "test.conf");
    }

    String show(String path) {
        return String.join("\n", session.show(Words.split(path), OutputFormat.TEXT).lines());
    }

    String showSet(String path) {
        return String.join("\n", session.show(Words.split(path), OutputFormat.SET).lines());
    }

    /** A CA profile that can serve SCEP: identity and enrollment URL. */
    PkiHarness scepProfile(String name) {
        return setAll("security pki ca-profile " + name + " ca-identity " + name + ".example.net",
                "security pki ca-profile " + name + " enrollment url http://ca.example.net/scep/");
    }

    /** A complete auto re-enrollment entry for {@code certificate} against SCEP profile {@code profile}. */
    PkiHarness autoReEnrollment(String certificate, String profile) {
        String at = "security pki auto-re-enrollment certificate-id " + certificate + " ";
        return setAll(at + "ca-profile-name " + profile, at + "challenge-password abc",
                at + "re-enroll-trigger-time-percentage 10");
    }

    @Override
    public void close() {
        engine.close();
    }
}
