package org.secplane.config.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.Flag;
import org.secplane.config.schema.Leaf;
import org.secplane.config.schema.LeafList;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;

/**
 * What the active configuration projects into Config Admin: one factory configuration per configured
 * object (each entry of a list, or container, whose schema names a factory PID), named after the object.
 *
 * <p>Properties: {@code secplane.name} (the key), {@code secplane.path} (the statement path),
 * {@code secplane.commit} (the commit sequence), {@code secplane.config} (the object's statements in
 * storage form, for nested structure), and every leaf below it flattened to a key of its relative words
 * joined by dots ({@code dead-peer-detection.interval}), with schema defaults filled in for absent leaves
 * of configured blocks. Flags are {@code true}, leaf-lists {@code String[]}, secrets stay sealed.
 */
public final class Projection {

    public static final String NAME = "secplane.name";
    public static final String PATH = "secplane.path";
    public static final String COMMIT = "secplane.commit";
    public static final String CONFIG = "secplane.config";
    public static final String MANAGED = "secplane.managed";

    private Projection() {
    }

    /** One factory configuration to exist. */
    public static final class ConfiguredObject {
        private final String factoryPid;
        private final String name;
        private final Hashtable<String, Object> properties;

        ConfiguredObject(String factoryPid, String name, Hashtable<String, Object> properties) {
            this.factoryPid = factoryPid;
            this.name = name;
            this.properties = properties;
        }

        public String factoryPid() {
            return factoryPid;
        }

        public String name() {
            return name;
        }

        public Hashtable<String, Object> properties() {
            return properties;
        }
    }

    static List<ConfiguredObject> of(Node tree, Container schema, long commit) {
        List<ConfiguredObject> objects = new ArrayList<>();
        collect(tree, schema, commit, objects);
        return objects;
    }

    private static void collect(Node block, Container schema, long commit, List<ConfiguredObject> objects) {
        for (Node child : block.mutableChildren()) {
            SchemaNode<?> childSchema = Editor.schemaOf(schema, child);
            if (!child.isBlock() || childSchema == null) {
                continue;
            }
            Container nested;
            String pid;
            String name;
            if (childSchema instanceof ListNode) {
                ListNode list = (ListNode) childSchema;
                nested = list.entry();
                pid = list.pid();
                name = list.isKeyless() ? child.keyword() : String.join(" ", child.arguments());
            } else {
                nested = (Container) childSchema;
                pid = nested.pid();
                name = child.keyword();
            }
            if (pid != null) {
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put(NAME, name);
                properties.put(PATH, String.join(" ", child.path()));
                properties.put(COMMIT, commit);
                properties.put(MANAGED, Boolean.TRUE);
                Node holder = Node.root();
                for (Node statement : child.mutableChildren()) {
                    holder.append(statement.copy());
                }
                properties.put(CONFIG, Renderer.storage(holder));
                flatten(child, nested, "", properties);
                objects.add(new ConfiguredObject(pid, name, properties));
            }
            collect(child, nested, commit, objects);
        }
    }

    private static void flatten(Node block, Container schema, String prefix, Map<String, Object> properties) {
        for (Node child : block.mutableChildren()) {
            SchemaNode<?> childSchema = schema == null ? null : Editor.schemaOf(schema, child);
            if (child.isBlock()) {
                String key = prefix + child.keyword() + (child.arguments().isEmpty() ? "" : "." + String.join(" ", child.arguments()));
                Container nested = childSchema instanceof Container ? (Container) childSchema
                        : childSchema instanceof ListNode ? ((ListNode) childSchema).entry() : null;
                if (child.mutableChildren().isEmpty()) {
                    properties.put(key, Boolean.TRUE);
                }
                flatten(child, nested, key + ".", properties);
            } else if (childSchema instanceof LeafList) {
                properties.put(prefix + child.keyword(), child.arguments().toArray(new String[0]));
            } else if (childSchema instanceof Flag || child.arguments().isEmpty()) {
                Object value = childSchema instanceof Leaf && ((Leaf) childSchema).defaultValue() != null
                        ? ((Leaf) childSchema).defaultValue() : Boolean.TRUE;
                properties.put(prefix + child.keyword(), value);
            } else {
                properties.put(prefix + child.keyword(), String.join(" ", child.arguments()));
            }
        }
        if (schema != null) {
            for (SchemaNode<?> statement : schema.children()) {
                if (statement instanceof Leaf && ((Leaf) statement).defaultValue() != null) {
                    properties.putIfAbsent(prefix + statement.name(), ((Leaf) statement).defaultValue());
                }
            }
        }
    }
}
