package org.secplane.config.internal;

import java.util.List;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.Leaf;
import org.secplane.config.schema.LeafList;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;
import org.secplane.config.schema.ValueType;

/**
 * The checks every configuration gets from the schema alone: statements the installed features do not
 * know, missing mandatory statements, value counts, and references to objects that do not exist.
 */
final class Validator {

    private final Node tree;
    private final CommitReport report;

    private Validator(Node tree, CommitReport report) {
        this.tree = tree;
        this.report = report;
    }

    static void validate(Node tree, Container schema, CommitReport report) {
        new Validator(tree, report).block(tree, schema);
    }

    private void block(Node block, Container schema) {
        for (Node child : block.mutableChildren()) {
            SchemaNode<?> childSchema = Editor.schemaOf(schema, child);
            if (childSchema == null) {
                report.warning(child, "statement not supported by the installed features; it is kept but not applied");
                continue;
            }
            if (childSchema instanceof ListNode) {
                ListNode list = (ListNode) childSchema;
                List<Object> parts = list.keyParts();
                List<String> key = list.isKeyless() ? List.of(child.keyword()) : child.arguments();
                for (int i = 0; i < parts.size() && i < key.size(); i++) {
                    if (parts.get(i) instanceof ValueType) {
                        reference(child, (ValueType) parts.get(i), key.get(i));
                    }
                }
                block(child, list.entry());
            } else if (childSchema instanceof Container) {
                block(child, (Container) childSchema);
            } else if (childSchema instanceof Leaf) {
                for (String value : child.arguments()) {
                    reference(child, ((Leaf) childSchema).type(), value);
                }
            } else if (childSchema instanceof LeafList) {
                LeafList list = (LeafList) childSchema;
                if (child.arguments().size() > list.max()) {
                    report.error(child, "'" + list.name() + "' takes at most " + list.max() + " values, "
                            + child.arguments().size() + " are configured");
                } else if (child.arguments().size() < list.min()) {
                    report.error(child, "'" + list.name() + "' needs at least " + list.min() + " values");
                }
                for (String value : child.arguments()) {
                    reference(child, list.type(), value);
                }
            }
        }
        for (SchemaNode<?> statement : schema.children()) {
            if (statement instanceof Leaf && ((Leaf) statement).isMandatory() && block.findLeaf(statement.name()) == null) {
                report.error(block.isRoot() ? null : block, "Missing mandatory statement: '" + statement.name() + "'");
            }
        }
    }

    private void reference(Node statement, ValueType type, String value) {
        String target = type.referenceTo();
        if (target != null && !Editor.referenceNames(tree, target).contains(value)) {
            report.error(statement, target + " '" + value + "' is not defined");
        }
    }
}
