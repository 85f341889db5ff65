package org.secplane.config.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.secplane.config.ConfigurationSession.Completion;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.Flag;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.Leaf;
import org.secplane.config.schema.LeafList;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.SchemaNode;
import org.secplane.config.schema.Types;
import org.secplane.config.schema.ValueType;

/**
 * Applies editing commands to a configuration tree under a schema: {@code set}, {@code delete},
 * {@code insert}, and finds levels for {@code edit} and {@code show}. Values are checked and
 * normalised on entry (ranges, enumerations, addresses), secrets sealed at once.
 */
final class Editor {

    private final Container root;
    private final Sealer sealer;

    Editor(Container root, Sealer sealer) {
        this.root = root;
        this.sealer = sealer;
    }

    Container root() {
        return root;
    }

    /** What one or more words at a position in a container name. */
    private static final class Match {
        final SchemaNode<?> schema;
        final String keyword;
        final List<String> key;
        final int next;
        final boolean noKeywordValue;

        Match(SchemaNode<?> schema, String keyword, List<String> key, int next, boolean noKeywordValue) {
            this.schema = schema;
            this.keyword = keyword;
            this.key = key;
            this.next = next;
            this.noKeywordValue = noKeywordValue;
        }

        boolean isBlock() {
            return schema instanceof Container || (schema instanceof ListNode && !noKeywordValue);
        }

        Container blockSchema() {
            return schema instanceof Container ? (Container) schema : ((ListNode) schema).entry();
        }

        boolean isContainer() {
            return schema instanceof Container;
        }
    }

    private Match match(Container schema, List<String> words, int i, List<String> at) throws ConfigSyntaxException {
        String word = words.get(i);
        SchemaNode<?> child = schema.child(word);
        if (child instanceof ListNode) {
            ListNode list = (ListNode) child;
            List<String> key = key(list, words, i + 1, at);
            return new Match(list, list.name(), key, i + 1 + list.keyWords(), false);
        }
        if (child != null) {
            return new Match(child, child.name(), List.of(), i + 1, false);
        }
        ListNode keyless = schema.keylessList();
        if (keyless != null) {
            String name = value(keyless.keyParts().get(0), word, at, keyless.describeKey());
            return new Match(keyless, name, List.of(), i + 1, false);
        }
        Leaf noKeyword = schema.noKeywordLeaf();
        if (noKeyword != null) {
            return new Match(noKeyword, noKeyword.name(), List.of(value(noKeyword.type(), word, at, noKeyword.name())),
                    i + 1, true);
        }
        throw new ConfigSyntaxException(Messages.at(at) + "syntax error: '" + word + "' is not a statement here; expecting "
                + expected(schema));
    }

    private List<String> key(ListNode list, List<String> words, int from, List<String> at) throws ConfigSyntaxException {
        List<String> key = new ArrayList<>();
        for (int p = 0; p < list.keyParts().size(); p++) {
            Object part = list.keyParts().get(p);
            int index = from + p;
            if (index >= words.size()) {
                throw new ConfigSyntaxException(Messages.at(at) + "syntax error: '" + list.name() + "' needs "
                        + list.describeKey());
            }
            String word = words.get(index);
            if (part instanceof String) {
                if (!part.equals(word)) {
                    throw new ConfigSyntaxException(Messages.at(at) + "syntax error: expecting '" + part + "' after '"
                            + String.join(" ", words.subList(from - 1, index)) + "', found '" + word + "'");
                }
                key.add(word);
            } else {
                key.add(value((ValueType) part, word, at, list.name()));
            }
        }
        return key;
    }

    /** Checks and normalises a value; a secret is sealed. */
    String value(Object type, String raw, List<String> at, String statement) throws ConfigSyntaxException {
        try {
            if (type instanceof Types.SecretType) {
                byte[] clear = clearSecret(raw);
                try {
                    ((Types.SecretType) type).normalize(new String(clear, StandardCharsets.ISO_8859_1));
                    return sealer.seal(clear);
                } finally {
                    Arrays.fill(clear, (byte) 0);
                }
            }
            return ((ValueType) type).normalize(raw);
        } catch (InvalidValueException e) {
            throw new ConfigSyntaxException(Messages.at(at) + "'" + statement + "': " + e.getMessage());
        }
    }

    private byte[] clearSecret(String raw) throws ConfigSyntaxException {
        if (Junos9.looksEncoded(raw)) {
            return Junos9.decode(raw);
        }
        if (Sealer.isSealed(raw)) {
            return sealer.open(raw);
        }
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String expected(Container schema) {
        List<String> names = new ArrayList<>();
        for (SchemaNode<?> child : schema.children()) {
            if (child instanceof ListNode && ((ListNode) child).isKeyless()) {
                names.add(((ListNode) child).describeKey());
            } else if (child instanceof Leaf && ((Leaf) child).isNoKeyword()) {
                names.add(((Leaf) child).type().describe());
            } else {
                names.add(child.name());
            }
        }
        return names.isEmpty() ? "nothing (no statements are allowed here)" : String.join(" | ", names);
    }

    // ---------------------------------------------------------------- set

    void set(Node tree, List<String> words) throws ConfigSyntaxException {
        if (words.isEmpty()) {
            throw new ConfigSyntaxException("syntax error: 'set' needs a statement; expecting " + expected(root));
        }
        setIn(tree, root, words, 0, new ArrayList<>());
    }

    private void setIn(Node node, Container schema, List<String> words, int start, List<String> at)
            throws ConfigSyntaxException {
        int i = start;
        while (i < words.size()) {
            Match m = match(schema, words, i, at);
            List<String> here = append(at, m.keyword, m.key);
            if (m.noKeywordValue) {
                node.setLeaf(m.keyword, m.key);
                i = m.next;
                continue;
            }
            if (m.isBlock()) {
                removeExclusive(node, schema, m.schema.name());
                Node block = node.blockChild(m.keyword, m.key);
                if (m.schema instanceof ListNode && node.children(m.keyword).size() > ((ListNode) m.schema).maxEntries()) {
                    node.remove(block);
                    throw new ConfigSyntaxException(Messages.at(at) + "'" + m.keyword + "': at most "
                            + ((ListNode) m.schema).maxEntries() + " entries are allowed");
                }
                setIn(block, m.blockSchema(), words, m.next, here);
                return;
            }
            removeExclusive(node, schema, m.schema.name());
            if (m.schema instanceof LeafList) {
                i = setLeafList(node, (LeafList) m.schema, words, m.next, at);
                continue;
            }
            if (m.schema instanceof Flag) {
                node.setLeaf(m.keyword, List.of());
                i = m.next;
            } else {
                Leaf leaf = (Leaf) m.schema;
                if (m.next >= words.size()) {
                    if (!leaf.isValueOptional()) {
                        throw new ConfigSyntaxException(Messages.at(at) + "syntax error: '" + leaf.name() + "' needs a value "
                                + leaf.type().describe());
                    }
                    node.setLeaf(leaf.name(), List.of());
                    i = m.next;
                } else {
                    node.setLeaf(leaf.name(), List.of(value(leaf.type(), words.get(m.next), at, leaf.name())));
                    i = m.next + 1;
                }
            }
            // as Junos, further words after a leaf's value name siblings at the same level:
            // set … ca-identity X revocation-check crl
        }
    }

    /**
     * Sets leaf-list values: {@code [ a b ]} or one unbracketed value (added to those configured).
     * Returns the index of the first word after the values.
     */
    private int setLeafList(Node node, LeafList list, List<String> words, int from, List<String> at)
            throws ConfigSyntaxException {
        List<String> values = new ArrayList<>();
        int next;
        if (from < words.size() && words.get(from).equals("[")) {
            int close = words.indexOf("]");
            if (close < from) {
                throw new ConfigSyntaxException(Messages.at(at) + "syntax error: missing ']' after '" + list.name() + " ['");
            }
            for (String word : words.subList(from + 1, close)) {
                if (word.equals("[")) {
                    throw new ConfigSyntaxException(Messages.at(at) + "syntax error: unexpected '['");
                }
                values.add(value(list.type(), word, at, list.name()));
            }
            next = close + 1;
        } else if (from < words.size() && !words.get(from).equals("]")) {
            values.add(value(list.type(), words.get(from), at, list.name()));
            next = from + 1;
        } else {
            next = from;
        }
        if (values.isEmpty()) {
            throw new ConfigSyntaxException(Messages.at(at) + "syntax error: '" + list.name() + "' needs a value "
                    + list.type().describe());
        }
        Node leaf = node.findLeaf(list.name());
        if (leaf == null) {
            leaf = node.setLeaf(list.name(), List.of());
        }
        for (String value : values) {
            if (!leaf.mutableArguments().contains(value)) {
                leaf.mutableArguments().add(value);
            }
        }
        leaf.setBracketed(leaf.mutableArguments().size() > 1);
        return next;
    }

    private static void removeExclusive(Node node, Container schema, String name) {
        for (String other : schema.exclusiveWith(name)) {
            node.removeAll(other);
        }
    }

    private static List<String> append(List<String> at, String keyword, List<String> key) {
        List<String> next = new ArrayList<>(at);
        next.add(keyword);
        next.addAll(key);
        return next;
    }

    // ---------------------------------------------------------------- delete

    /** Deletes the statement {@code words} names; returns false when it is not configured. */
    boolean delete(Node tree, List<String> words) throws ConfigSyntaxException {
        if (words.isEmpty()) {
            tree.mutableChildren().clear();
            return true;
        }
        return deleteIn(tree, root, words, 0, new ArrayList<>());
    }

    private boolean deleteIn(Node node, Container schema, List<String> words, int i, List<String> at)
            throws ConfigSyntaxException {
        Match m = match(schema, words, i, at);
        if (m.noKeywordValue) {
            Node leaf = node.findLeaf(m.keyword);
            if (leaf == null || !leaf.arguments().equals(m.key)) {
                return false;
            }
            node.remove(leaf);
            return true;
        }
        if (m.isBlock()) {
            Node block = node.findBlock(m.keyword, m.key);
            if (block == null) {
                return false;
            }
            if (m.next >= words.size()) {
                node.remove(block);
                return true;
            }
            boolean found = deleteIn(block, m.blockSchema(), words, m.next, append(at, m.keyword, m.key));
            if (found && m.isContainer() && !((Container) m.schema).isPresence() && block.mutableChildren().isEmpty()) {
                node.remove(block);
            }
            return found;
        }
        Node leaf = node.findLeaf(m.keyword);
        if (leaf == null) {
            return false;
        }
        if (m.schema instanceof LeafList && m.next < words.size()) {
            boolean removed = false;
            for (String word : words.subList(m.next, words.size())) {
                if (!word.equals("[") && !word.equals("]")) {
                    removed |= leaf.mutableArguments().remove(value(((LeafList) m.schema).type(), word, at, m.keyword));
                }
            }
            if (leaf.mutableArguments().isEmpty()) {
                node.remove(leaf);
            }
            return removed;
        }
        if (m.schema instanceof Leaf && m.next < words.size()) {
            String value = value(((Leaf) m.schema).type(), words.get(m.next), at, m.keyword);
            if (!leaf.arguments().equals(List.of(value))) {
                return false;
            }
        }
        node.remove(leaf);
        return true;
    }

    // ---------------------------------------------------------------- locate

    /** A level of the hierarchy: its canonical words, steps and schema. */
    static final class Level {
        final List<String> words;
        final List<Step> steps;
        final Container schema;
        final SchemaNode<?> leaf;
        /** Set when the level is a list without its key; its last step then names the list. */
        ListNode list;

        Level(List<String> words, List<Step> steps, Container schema, SchemaNode<?> leaf) {
            this.words = words;
            this.steps = steps;
            this.schema = schema;
            this.leaf = leaf;
        }

        /** The words of the enclosing block (all steps but the last). */
        List<String> parentWords() {
            List<String> words = new ArrayList<>();
            for (Step step : steps.subList(0, Math.max(0, steps.size() - 1))) {
                words.add(step.keyword);
                words.addAll(step.key);
            }
            return words;
        }

        /** The statement in {@code tree} at this level, or {@code null} when not configured. */
        Node find(Node tree) {
            Node node = tree;
            if (list != null) {
                Node parent = new Level(words, steps.subList(0, steps.size() - 1), schema, null).find(tree);
                if (parent == null) {
                    return null;
                }
                Node entries = Node.root();
                for (Node child : parent.mutableChildren()) {
                    if (child.isBlock() && child.keyword().equals(list.name())) {
                        entries.append(child.copy());
                    }
                }
                return entries;
            }
            for (Step step : steps) {
                node = step.block ? node.findBlock(step.keyword, step.key) : node.findLeaf(step.keyword);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }

        /** The block at this level in {@code tree}, created when missing. */
        Node create(Node tree) {
            Node node = tree;
            for (Step step : steps) {
                node = node.blockChild(step.keyword, step.key);
            }
            return node;
        }
    }

    /** One step down: a block (container or entry) or a final leaf. */
    static final class Step {
        final String keyword;
        final List<String> key;
        final boolean block;

        Step(String keyword, List<String> key, boolean block) {
            this.keyword = keyword;
            this.key = key;
            this.block = block;
        }
    }

    /**
     * The level {@code words} name. With {@code leafAllowed} the words may end at a leaf (for
     * {@code show}); otherwise they must end at a container or list entry (for {@code edit}).
     */
    Level locate(List<String> words, boolean leafAllowed) throws ConfigSyntaxException {
        Container schema = root;
        List<String> at = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            SchemaNode<?> named = schema.child(words.get(i));
            if (i == words.size() - 1 && named instanceof ListNode && !((ListNode) named).isKeyless()
                    && ((ListNode) named).keyWords() == 1) {
                // a level at a list without its key (edit security zones security-zone): the words typed
                // there start with the key
                steps.add(new Step(named.name(), List.of(), true));
                Level level = new Level(append(at, named.name(), List.of()), steps, listLevel((ListNode) named), null);
                level.list = (ListNode) named;
                return level;
            }
            Match m = match(schema, words, i, at);
            if (!m.isBlock()) {
                if (!leafAllowed || m.next < words.size() && !(m.schema instanceof Leaf || m.schema instanceof LeafList)) {
                    throw new ConfigSyntaxException(Messages.at(at) + "'" + m.keyword + "' is not a container or list entry");
                }
                steps.add(new Step(m.keyword, m.key, false));
                return new Level(append(at, m.keyword, m.key), steps, schema, m.schema);
            }
            steps.add(new Step(m.keyword, m.key, true));
            at = append(at, m.keyword, m.key);
            schema = m.blockSchema();
            i = m.next;
        }
        return new Level(at, steps, schema, null);
    }

    /** The schema at a list level: the list itself, so its entries show as {@code name key { … }}. */
    private static Container listLevel(ListNode list) {
        return new Container(list.name()).add(list);
    }

    // ---------------------------------------------------------------- insert

    /** {@code insert <entry path> (before | after) <keyword> <key…>}: moves a list entry among its siblings. */
    void insert(Node tree, List<String> words) throws ConfigSyntaxException {
        int position = Math.max(words.lastIndexOf("before"), words.lastIndexOf("after"));
        if (position <= 0 || position == words.size() - 1) {
            throw new ConfigSyntaxException("syntax error: insert <statement> (before | after) <statement>");
        }
        Level moving = locate(words.subList(0, position), false);
        Node entry = moving.find(tree);
        if (entry == null || entry.arguments().isEmpty()) {
            throw new ConfigSyntaxException("statement not found: " + String.join(" ", moving.words));
        }
        Node parent = entry.parentNode();
        List<String> referenceWords = new ArrayList<>(moving.words.subList(0, moving.words.size() - 1 - entry.arguments().size()));
        referenceWords.addAll(words.subList(position + 1, words.size()));
        Level reference = locate(referenceWords, false);
        Node anchor = reference.find(tree);
        if (anchor == null || anchor.parentNode() != parent) {
            throw new ConfigSyntaxException("statement not found: " + String.join(" ", reference.words));
        }
        if (anchor == entry) {
            return;
        }
        parent.remove(entry);
        int index = parent.mutableChildren().indexOf(anchor);
        parent.insert(words.get(position).equals("before") ? index : index + 1, entry);
    }

    // ---------------------------------------------------------------- completion

    /** Words that may follow {@code words} (absolute), with help; names of configured objects included. */
    List<Completion> complete(Node tree, List<String> words) {
        Container schema = root;
        Node node = tree;
        int i = 0;
        List<String> at = new ArrayList<>();
        try {
            while (i < words.size()) {
                String word = words.get(i);
                SchemaNode<?> child = schema.child(word);
                if (child instanceof ListNode && i + 1 + ((ListNode) child).keyWords() > words.size()) {
                    return keyCompletions(node, (ListNode) child, words.size() - i - 1);
                }
                if ((child instanceof Leaf || child instanceof LeafList) && i + 1 == words.size()) {
                    return valueCompletions(tree, child);
                }
                Match m = match(schema, words, i, at);
                if (!m.isBlock()) {
                    if (m.noKeywordValue || m.schema instanceof Flag || m.next + 1 <= words.size()) {
                        i = m.schema instanceof Flag || m.noKeywordValue ? m.next : m.next + 1;
                        if (schema.isOneLine() || schema.noKeywordLeaf() != null) {
                            continue;
                        }
                        return List.of();
                    }
                }
                at = append(at, m.keyword, m.key);
                node = node == null ? null : node.findBlock(m.keyword, m.key);
                schema = m.blockSchema();
                i = m.next;
            }
        } catch (ConfigSyntaxException e) {
            return List.of();
        }
        List<Completion> completions = new ArrayList<>();
        for (SchemaNode<?> child : schema.children()) {
            if (child instanceof ListNode && ((ListNode) child).isKeyless()) {
                completions.addAll(keyCompletions(node, (ListNode) child, 0));
            } else if (child instanceof Leaf && ((Leaf) child).isNoKeyword()) {
                completions.add(new Completion(((Leaf) child).type().describe(), child.help()));
            } else {
                completions.add(new Completion(child.name(), child.help()));
            }
        }
        return completions;
    }

    private List<Completion> keyCompletions(Node node, ListNode list, int keyWordIndex) {
        List<Completion> completions = new ArrayList<>();
        Object part = list.keyParts().get(Math.min(keyWordIndex, list.keyParts().size() - 1));
        if (part instanceof String) {
            return List.of(new Completion((String) part, ""));
        }
        if (node != null && keyWordIndex == 0) {
            for (Node entry : node.mutableChildren()) {
                if (entry.isBlock() && (list.isKeyless() ? list.entry().children().isEmpty() || isKeylessEntry(entry)
                        : entry.keyword().equals(list.name()))) {
                    String name = list.isKeyless() ? entry.keyword() : entry.value();
                    if (name != null) {
                        completions.add(new Completion(name, list.isKeyless() ? list.help() : list.name() + " " + name));
                    }
                }
            }
        }
        completions.add(new Completion(((ValueType) part).describe(), list.help()));
        return completions;
    }

    private static boolean isKeylessEntry(Node entry) {
        return entry.arguments().isEmpty();
    }

    private List<Completion> valueCompletions(Node tree, SchemaNode<?> leaf) {
        ValueType type = leaf instanceof Leaf ? ((Leaf) leaf).type() : ((LeafList) leaf).type();
        List<Completion> completions = new ArrayList<>();
        for (String value : type.completions()) {
            completions.add(new Completion(value, ""));
        }
        if (type.referenceTo() != null) {
            for (String name : referenceNames(tree, type.referenceTo())) {
                completions.add(new Completion(name, type.referenceTo() + " " + name));
            }
        }
        if (completions.isEmpty() || type.referenceTo() != null) {
            completions.add(new Completion(type.describe(), leaf.help()));
        }
        return completions;
    }

    /** The names of the entries of the list at {@code listPath} ({@code security ike proposal}). */
    static List<String> referenceNames(Node tree, String listPath) {
        List<String> words = Arrays.asList(listPath.split(" "));
        Node node = tree;
        for (String word : words.subList(0, words.size() - 1)) {
            node = node.findBlock(word, List.of());
            if (node == null) {
                return List.of();
            }
        }
        String keyword = words.get(words.size() - 1);
        return node.mutableChildren().stream()
                .filter(child -> child.isBlock() && child.keyword().equals(keyword))
                .map(child -> String.join(" ", child.arguments()))
                .collect(Collectors.toList());
    }

    /** The schema statement that {@code child} of a block with schema {@code parent} is, or {@code null}. */
    static SchemaNode<?> schemaOf(Container parent, Node child) {
        SchemaNode<?> named = parent.child(child.keyword());
        if (named != null && named.name().equals(child.keyword())) {
            return named;
        }
        if (child.isBlock() && child.arguments().isEmpty() && parent.keylessList() != null) {
            return parent.keylessList();
        }
        if (!child.isBlock() && parent.noKeywordLeaf() != null && parent.noKeywordLeaf().name().equals(child.keyword())) {
            return parent.noKeywordLeaf();
        }
        return named;
    }
}
