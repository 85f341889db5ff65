package org.secplane.config.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list of named entries: {@code proposal NAME { … }}, or, when keyless, entries written by their name
 * alone ({@code interfaces { ge-0/0/0 { … } }}). A key may have several parts with literal words between
 * them ({@code from-zone A to-zone B}).
 */
public final class ListNode extends SchemaNode<ListNode> {

    private final List<Object> keyParts;
    private final Container entry;
    private final boolean keyless;
    private String pid;
    private int maxEntries = Integer.MAX_VALUE;

    ListNode(String name, boolean keyless, List<Object> keyParts, Object... items) {
        super(name);
        if (keyParts.isEmpty() || !(keyParts.get(0) instanceof ValueType)) {
            throw new IllegalArgumentException("list '" + name + "' key must start with a value");
        }
        this.keyless = keyless;
        this.keyParts = Collections.unmodifiableList(new ArrayList<>(keyParts));
        this.entry = new Container(name, items);
    }

    /** The key: {@link ValueType}s for the values and {@link String}s for the literal words between them. */
    public List<Object> keyParts() {
        return keyParts;
    }

    /** How many words the key takes. */
    public int keyWords() {
        return keyParts.size();
    }

    /** The statements of one entry. */
    public Container entry() {
        return entry;
    }

    public boolean isKeyless() {
        return keyless;
    }

    /** Projects each entry into Config Admin as one factory configuration of {@code factoryPid}. */
    public ListNode pid(String factoryPid) {
        this.pid = factoryPid;
        return this;
    }

    public String pid() {
        return pid;
    }

    public ListNode maxEntries(int max) {
        this.maxEntries = max;
        return this;
    }

    public int maxEntries() {
        return maxEntries;
    }

    /** The key's placeholder for help, e.g. {@code <proposal-name>} or {@code <zone> to-zone <zone>}. */
    public String describeKey() {
        StringBuilder text = new StringBuilder();
        for (Object part : keyParts) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(part instanceof ValueType ? ((ValueType) part).describe() : part);
        }
        return text.toString();
    }
}
