package org.secplane.pki.component;

import java.util.List;
import java.util.function.Supplier;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.ValueType;
import org.secplane.keystore.PkiObjectStore;

/**
 * A certificate-id or CA profile name as the PKI commands take it (the names of files in the certificate
 * store: 1..63 letters, digits, {@code . - _}); completes the existing names when asked.
 */
final class ObjectNameType implements ValueType {

    private final String placeholder;
    private final Supplier<List<String>> existing;
    private final String extra;

    /** @param extra a keyword also accepted in place of a name ({@code all}), or null */
    ObjectNameType(String placeholder, Supplier<List<String>> existing, String extra) {
        this.placeholder = placeholder;
        this.existing = existing;
        this.extra = extra;
    }

    @Override
    public String normalize(String raw) throws InvalidValueException {
        if (raw.equals(extra)) {
            return raw;
        }
        if (!PkiObjectStore.isValidName(raw)) {
            throw new InvalidValueException("invalid " + placeholder + " '" + raw + "': " + PkiObjectStore.nameRule());
        }
        return raw;
    }

    @Override
    public String describe() {
        return extra == null ? "<" + placeholder + ">" : "(<" + placeholder + "> | " + extra + ")";
    }

    @Override
    public List<String> completions() {
        try {
            return existing.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
