package org.secplane.servicesipsec.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.Schema;
import org.secplane.config.schema.SchemaNode;

/** Every statement this bundle contributes explains itself to {@code ?} and completion. */
class SchemaHelpTest {

    @Test
    void everyStatementHasAHelpText() {
        List<String> missing = new ArrayList<>();
        for (Schema.Anchored anchored : new ServicesIpsecConfiguration().statements()) {
            for (SchemaNode<?> statement : anchored.statements()) {
                collect(String.join(" ", anchored.anchor()), statement, missing);
            }
        }
        assertEquals(List.of(), missing);
    }

    private static void collect(String at, SchemaNode<?> node, List<String> missing) {
        String path = at + " " + node.name();
        if (node.help().isBlank()) {
            missing.add(path);
        }
        Container children = node instanceof ListNode ? ((ListNode) node).entry()
                : node instanceof Container ? (Container) node : null;
        if (children != null) {
            for (SchemaNode<?> child : children.children()) {
                collect(path, child, missing);
            }
        }
    }
}
