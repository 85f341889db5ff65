package org.secplane.keystore.component;

import java.util.List;
import java.util.function.Supplier;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.ValueType;
import org.secplane.keystore.PkiObjectStore;

/** A certificate-id as the key commands take it; completes the existing key pairs' names when asked to. */
final class CertificateIdType implements ValueType {

    private final Supplier<List<String>> existing;

    CertificateIdType(Supplier<List<String>> existing) {
        this.existing = existing;
    }

    @Override
    public String normalize(String raw) throws InvalidValueException {
        if (!PkiObjectStore.isValidName(raw)) {
            throw new InvalidValueException("invalid certificate-id '" + raw + "': " + PkiObjectStore.nameRule());
        }
        return raw;
    }

    @Override
    public String describe() {
        return "<certificate-id-name>";
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
