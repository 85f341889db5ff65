package org.secplane.network.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.Schema;
import org.secplane.config.schema.SchemaNode;

/** The contributed schema as a whole: anchors, help texts, factory PIDs. */
class SchemaTest {

    private final List<Schema.Anchored> statements = new NetworkConfiguration().statements();

    @Test
    void contributesTheTopLevelAndSecurityHierarchies() {
        Set<String> names = new TreeSet<>();
        for (Schema.Anchored anchored : statements) {
            for (SchemaNode<?> node : anchored.statements()) {
                names.add(String.join(" ", anchored.anchor()) + (anchored.anchor().isEmpty() ? "" : " ") + node.name());
            }
        }
        assertEquals(new TreeSet<>(List.of("interfaces", "routing-options", "routing-instances", "protocols", "policy-options",
                "applications", "system", "security zones", "security address-book", "security policies", "security flow",
                "security nat", "security alarms", "security log", "security user-identification")), names);
    }

    @Test
    void everyStatementHasHelp() {
        List<String> missing = new ArrayList<>();
        for (Schema.Anchored anchored : statements) {
            for (SchemaNode<?> node : anchored.statements()) {
                walk(node, String.join(" ", anchored.anchor()), missing, null);
            }
        }
        assertTrue(missing.isEmpty(), "statements without help: " + missing);
    }

    @Test
    void factoryPidsAreUniqueAndFollowTheNamingRule() {
        List<String> pids = new ArrayList<>();
        for (Schema.Anchored anchored : statements) {
            for (SchemaNode<?> node : anchored.statements()) {
                walk(node, "", new ArrayList<>(), pids);
            }
        }
        assertEquals(pids.size(), new TreeSet<>(pids).size(), "duplicate PIDs: " + pids);
        for (String pid : pids) {
            assertTrue(pid.matches("org\\.secplane\\.(network|system|security)\\.[a-z0-9-]+"), pid);
        }
        assertTrue(pids.containsAll(List.of("org.secplane.network.interface", "org.secplane.network.security-zone",
                "org.secplane.network.policy-context", "org.secplane.network.address-book", "org.secplane.network.flow",
                "org.secplane.network.routing-instance", "org.secplane.security.alarms", "org.secplane.system.fips",
                "org.secplane.system.web-management")), pids.toString());
    }

    private static void walk(SchemaNode<?> node, String path, List<String> missing, List<String> pids) {
        String here = path.isEmpty() ? node.name() : path + " " + node.name();
        if (node.help().isBlank()) {
            missing.add(here);
        }
        Container children = null;
        if (node instanceof ListNode) {
            children = ((ListNode) node).entry();
            if (pids != null && ((ListNode) node).pid() != null) {
                pids.add(((ListNode) node).pid());
            }
        } else if (node instanceof Container) {
            children = (Container) node;
            if (pids != null && children.pid() != null) {
                pids.add(children.pid());
            }
        }
        if (children != null) {
            for (SchemaNode<?> child : children.children()) {
                walk(child, here, missing, pids);
            }
        }
    }
}
