package org.secplane.keystore.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which PKCS#11 token holds the keys: the module library, the token (by label, slot id or index in the
 * list of slots with a token; the first slot with a token when none is given), and where the PIN comes
 * from ({@link PinFile}).
 */
public final class TokenSettings {

    private final String library;
    private final Long slot;
    private final Integer slotListIndex;
    private final String tokenLabel;
    private final Path pinFile;

    public TokenSettings(String library, Long slot, Integer slotListIndex, String tokenLabel, Path pinFile) {
        this.library = Objects.requireNonNull(library);
        this.slot = slot;
        this.slotListIndex = slotListIndex;
        this.tokenLabel = tokenLabel == null || tokenLabel.isEmpty() ? null : tokenLabel;
        this.pinFile = Objects.requireNonNull(pinFile);
    }

    public String library() {
        return library;
    }

    public Long slot() {
        return slot;
    }

    public Integer slotListIndex() {
        return slotListIndex;
    }

    public String tokenLabel() {
        return tokenLabel;
    }

    public Path pinFile() {
        return pinFile;
    }

    /** How the token is named in messages: {@code token "label"}, {@code slot 5}, or {@code the first token}. */
    public String describe() {
        if (tokenLabel != null) {
            return "token \"" + tokenLabel + "\"";
        }
        if (slot != null) {
            return "token in slot " + slot;
        }
        return "token at slot list index " + (slotListIndex == null ? 0 : slotListIndex);
    }
}
