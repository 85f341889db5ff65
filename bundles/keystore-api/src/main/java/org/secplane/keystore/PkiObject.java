package org.secplane.keystore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One PKI object as stored: its kind ({@code key-pair}, {@code local-certificate}, …), its name (the
 * certificate-id or CA profile), string attributes and content that are integrity-protected but not
 * secret (a certificate, a public key), and whether it also holds a secret, which is encrypted at
 * rest and only handed out through {@link PkiObjectStore#withSecret}. Immutable.
 */
public final class PkiObject {

    private final String kind;
    private final String name;
    private final Map<String, String> attributes;
    private final byte[] content;
    private final boolean hasSecret;

    public PkiObject(String kind, String name, Map<String, String> attributes, byte[] content, boolean hasSecret) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.content = content.clone();
        this.hasSecret = hasSecret;
    }

    /** A new object without a secret. */
    public static PkiObject of(String kind, String name, Map<String, String> attributes, byte[] content) {
        return new PkiObject(kind, name, attributes, content, false);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public String attribute(String key) {
        return attributes.get(key);
    }

    /** A copy of the clear content. */
    public byte[] content() {
        return content.clone();
    }

    public boolean hasSecret() {
        return hasSecret;
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
