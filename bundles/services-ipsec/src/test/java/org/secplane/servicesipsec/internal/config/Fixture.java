package org.secplane.servicesipsec.internal.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.keylessList;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.interfaceName;
import static org.secplane.config.schema.Types.ipv4Address;
import static org.secplane.config.schema.Types.ipv4Prefix;
import static org.secplane.config.schema.Types.name;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigurationService.OutputFormat;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.ConfigurationSession.LoadMode;
import org.secplane.config.Outcome;
import org.secplane.config.internal.ConfigurationEngine;
import org.secplane.config.schema.Schema;

/**
 * An engine with this bundle's statements and checks, plus test-only stand-ins for the statements of other
 * bundles that the checks read (SRX {@code security ipsec policy}, interfaces, BGP, OSPFv3): their real
 * schemas are written elsewhere, and these tests must not depend on them.
 */
final class Fixture implements AutoCloseable {

    final ConfigurationEngine engine;
    final ConfigurationSession session;
    final List<String> notices = new ArrayList<>();

    Fixture(Path state, CommitCheck... extraChecks) throws Exception {
        engine = new ConfigurationEngine(state, notices::add);
        ServicesIpsecConfiguration configuration = new ServicesIpsecConfiguration();
        List<Schema.Anchored> statements = new ArrayList<>(configuration.statements());
        statements.addAll(stubs());
        engine.setContributions(statements);
        assertTrue(engine.schema().clashes().isEmpty(), "schema clashes: " + engine.schema().clashes());
        engine.addCheck(configuration);
        for (CommitCheck check : extraChecks) {
            engine.addCheck(check);
        }
        session = engine.openSession("test");
    }

    static List<Schema.Anchored> stubs() {
        return List.of(
                Schema.at("security ipsec", list("policy", key(name("policy-name")),
                        leafList("proposals", name("proposal-name")))),
                Schema.at("",
                        container("interfaces", keylessList("interface", key(interfaceName(false)),
                                list("unit", key(integer(0, 16385)),
                                        leaf("service-domain", enumeration("inside", "outside")),
                                        container("tunnel", leaf("source", ipv4Address()), leaf("destination", ipv4Address())),
                                        container("family", container("inet",
                                                list("address", key(ipv4Prefix(false))),
                                                leaf("ipsec-sa", name("sa-name"))))))),
                        container("protocols",
                                container("bgp", list("group", key(name("group-name")),
                                        leaf("ipsec-sa", name("sa-name")),
                                        list("neighbor", key(ipv4Address()), leaf("ipsec-sa", name("sa-name"))))),
                                container("ospf3", list("area", key(ipv4Address()),
                                        list("interface", key(interfaceName(true)), leaf("ipsec-sa", name("sa-name"))))))));
    }

    Outcome load(String braceText) {
        return session.load(LoadMode.MERGE, braceText, "test.conf");
    }

    Outcome loadSet(String... lines) {
        return session.load(LoadMode.SET, String.join("\n", lines), "test.set");
    }

    Outcome check() {
        return session.commit(CommitRequest.check());
    }

    /** Loads {@code text} (must succeed) and runs {@code commit check}. */
    Outcome loadAndCheck(String text) {
        Outcome loaded = load(text);
        assertTrue(loaded.isSuccess(), "load failed:\n" + loaded + "\n--- text:\n" + text);
        return check();
    }

    String show(String... path) {
        return String.join("\n", session.show(List.of(path), OutputFormat.TEXT).lines());
    }

    /** The configuration commits without error (warnings allowed). */
    void assertCommits(String text) {
        Outcome outcome = loadAndCheck(text);
        assertTrue(outcome.isSuccess(), "expected commit check to succeed:\n" + outcome + "\n--- text:\n" + text);
    }

    /** The configuration commits without error and without any warning. */
    void assertCommitsCleanly(String text) {
        Outcome outcome = loadAndCheck(text);
        assertTrue(outcome.isSuccess(), "expected commit check to succeed:\n" + outcome + "\n--- text:\n" + text);
        assertFalse(outcome.toString().contains("warning:"), "expected no warning:\n" + outcome);
    }

    /** Commit check fails and its output contains {@code message}. */
    void assertCommitError(String text, String message) {
        Outcome outcome = loadAndCheck(text);
        assertFalse(outcome.isSuccess(), "expected commit check to fail with '" + message + "', but it succeeded:\n"
                + outcome + "\n--- text:\n" + text);
        assertTrue(outcome.toString().contains("error: " + message) || outcome.toString().contains(message),
                "expected '" + message + "' in:\n" + outcome);
    }

    /** Commit check succeeds with a warning containing {@code message}. */
    void assertCommitWarning(String text, String message) {
        Outcome outcome = loadAndCheck(text);
        assertTrue(outcome.isSuccess(), "expected success with warning '" + message + "':\n" + outcome);
        assertTrue(outcome.toString().contains("warning: " + message), "expected warning '" + message + "' in:\n" + outcome);
    }

    /** Commit check succeeds without a warning containing {@code message}. */
    void assertNoWarning(String text, String message) {
        Outcome outcome = loadAndCheck(text);
        assertTrue(outcome.isSuccess(), "expected success:\n" + outcome);
        assertFalse(outcome.toString().contains(message), "unexpected '" + message + "' in:\n" + outcome);
    }

    /** Loading fails (a value refused when set) with {@code message}. */
    void assertLoadError(String text, String message) {
        Outcome loaded = load(text);
        assertFalse(loaded.isSuccess(), "expected the load to fail with '" + message + "'; text:\n" + text);
        assertTrue(loaded.toString().contains(message), "expected '" + message + "' in:\n" + loaded);
    }

    @Override
    public void close() {
        engine.close();
    }
}
