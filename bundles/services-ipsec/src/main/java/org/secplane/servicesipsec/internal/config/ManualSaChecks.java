package org.secplane.servicesipsec.internal.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of one manual-SA body (spec §3.1), shared by services terms and ES-PIC security
 * associations. Value types, ranges (V-M06, V-M07), enumerations and aliases (V-M22), hexadecimal digits
 * (V-M17), printable ASCII and {@code $9$} decoding (V-M18) and the mandatory {@code protocol}/{@code spi}
 * (V-M04, V-M05) are enforced by the engine from the schema; this class checks what spans statements.
 */
final class ManualSaChecks {

    private ManualSaChecks() {
    }

    /** Checks {@code manual} (the {@code manual} block of a term or SA). */
    static void check(CommitContext context, ConfigView manual) {
        List<ConfigView> directions = manual.children("direction");
        if (directions.isEmpty()) {
            // V-M01
            context.error(manual, "manual SA needs at least one 'direction' (inbound, outbound or bidirectional)");
            return;
        }
        boolean bidirectional = directions.stream().anyMatch(d -> "bidirectional".equals(d.value()));
        if (bidirectional && directions.size() > 1) {
            // V-M02
            for (ConfigView direction : directions) {
                if (!"bidirectional".equals(direction.value())) {
                    context.error(direction, "direction " + direction.value()
                            + " cannot be combined with direction bidirectional in the same manual SA");
                }
            }
        }
        if (!bidirectional && directions.size() == 1) {
            // V-M03 (D-16): a simplex SA is legal but protects one direction only
            String only = directions.get(0).value();
            context.warning(directions.get(0), "manual SA has only an " + only + " direction; traffic in the "
                    + ("inbound".equals(only) ? "outbound" : "inbound")
                    + " direction is not protected by it (configure both directions or bidirectional)");
        }
        for (ConfigView direction : directions) {
            checkDirection(context, direction);
        }
    }

    private static void checkDirection(CommitContext context, ConfigView direction) {
        String protocol = direction.leaf("protocol").orElse(null);
        Optional<ConfigView> authentication = direction.child("authentication");
        Optional<ConfigView> encryption = direction.child("encryption");
        Optional<ConfigView> auxiliarySpi = direction.child("auxiliary-spi");
        if (protocol != null) {
            switch (protocol) {
                case "ah":
                    if (authentication.isEmpty()) {
                        // V-M08
                        context.error(direction, "protocol ah needs 'authentication' (AH is an authentication protocol)");
                    }
                    // V-M09
                    encryption.ifPresent(e -> context.error(e,
                            "encryption cannot be configured with protocol ah (the Authentication Header protocol "
                                    + "does not encrypt); use esp or bundle"));
                    break;
                case "esp":
                    if (authentication.isEmpty() && encryption.isEmpty()) {
                        // V-M10
                        context.error(direction, "protocol esp needs 'authentication', 'encryption' or both");
                    } else if (authentication.isEmpty()) {
                        // V-M10 [DECIDE]: legal (the guides' own ESP examples do it) but unprotected integrity
                        context.warning(direction, "ESP without authentication: packets are encrypted but not "
                                + "integrity-protected");
                    }
                    break;
                case "bundle":
                    // V-M11
                    if (authentication.isEmpty()) {
                        context.error(direction, "protocol bundle needs 'authentication' (used by AH)");
                    }
                    if (encryption.isEmpty()) {
                        context.error(direction, "protocol bundle needs 'encryption' (used by ESP)");
                    }
                    if (auxiliarySpi.isEmpty()) {
                        // V-M12
                        context.error(direction, "protocol bundle needs 'auxiliary-spi' (the ESP SPI; spi is the AH SPI)");
                    }
                    break;
                default:
                    break;
            }
            if (!"bundle".equals(protocol)) {
                // V-M13 [DECIDE]: warn and ignore
                auxiliarySpi.ifPresent(a -> context.warning(a,
                        "auxiliary-spi is used only with protocol bundle; it is ignored with protocol " + protocol));
            }
        }
        authentication.ifPresent(a -> checkKey(context, a, "authentication"));
        encryption.ifPresent(e -> checkKey(context, e, "encryption"));
    }

    /** V-M15, V-M16 (§3.4 sizes), V-M19 (DES weak keys), V-M20/V-M21 (3DES sub-keys, D-17). */
    private static void checkKey(CommitContext context, ConfigView block, String what) {
        String keyword = block.leaf("algorithm").orElse(null);
        KeyMaterial.Algorithm algorithm = keyword == null ? null : KeyMaterial.Algorithm.of(keyword);
        Optional<ConfigView> keyBlock = block.child("key");
        Optional<ConfigView> ascii = keyBlock.flatMap(k -> k.child("ascii-text"));
        Optional<ConfigView> hex = keyBlock.flatMap(k -> k.child("hexadecimal"));
        if (ascii.isEmpty() && hex.isEmpty()) {
            context.error(block, what + " needs a 'key' (key ascii-text KEY or key hexadecimal KEY)");
            return;
        }
        if (algorithm == null) {
            return; // the missing algorithm is reported by the engine (mandatory statement)
        }
        ConfigView leaf = ascii.orElseGet(hex::get);
        byte[] revealed = context.revealSecret(leaf);
        byte[] digits = null;
        byte[] key = null;
        try {
            if (ascii.isPresent()) {
                if (revealed.length != algorithm.keyBytes) {
                    context.error(leaf, algorithm.keyword + " key must be " + algorithm.keyBytes + " ASCII characters or "
                            + 2 * algorithm.keyBytes + " hexadecimal digits; this ascii-text key has " + revealed.length
                            + (revealed.length == 1 ? " character" : " characters"));
                    return;
                }
                key = revealed.clone();
            } else {
                digits = KeyMaterial.hexDigits(revealed);
                if (digits.length != 2 * algorithm.keyBytes) {
                    context.error(leaf, algorithm.keyword + " key must be " + 2 * algorithm.keyBytes
                            + " hexadecimal digits or " + algorithm.keyBytes + " ASCII characters; this hexadecimal key has "
                            + digits.length + (digits.length == 1 ? " digit" : " digits"));
                    return;
                }
                key = KeyMaterial.hexToBytes(digits);
            }
            checkDesKey(context, leaf, algorithm, key);
        } finally {
            Arrays.fill(revealed, (byte) 0);
            if (digits != null) {
                Arrays.fill(digits, (byte) 0);
            }
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static void checkDesKey(CommitContext context, ConfigView leaf, KeyMaterial.Algorithm algorithm, byte[] key) {
        if (algorithm == KeyMaterial.Algorithm.DES_CBC) {
            String weakness = KeyMaterial.desWeakness(key, 0);
            if (weakness != null) {
                context.error(leaf, "des-cbc key is a DES " + weakness + " key (RFC 2409; parity bits ignored); "
                        + "choose another key");
            }
        } else if (algorithm == KeyMaterial.Algorithm.TRIPLE_DES_CBC) {
            String[] thirds = {"first", "second", "third"};
            for (int i = 0; i < 3; i++) {
                String weakness = KeyMaterial.desWeakness(key, 8 * i);
                if (weakness != null) {
                    context.error(leaf, "3des-cbc key: its " + thirds[i] + " 8 bytes are a DES " + weakness
                            + " key (RFC 2409; parity bits ignored); choose another key");
                }
            }
            if (KeyMaterial.sameDesKey(key, 0, 8)) {
                // V-M20 (D-17)
                context.error(leaf, "3des-cbc key: the first 8 bytes equal the second 8 bytes (parity bits ignored), "
                        + "which reduces triple DES to single DES");
            }
            if (KeyMaterial.sameDesKey(key, 8, 16)) {
                // V-M21 (D-17, correcting erratum A12)
                context.error(leaf, "3des-cbc key: the second 8 bytes equal the third 8 bytes (parity bits ignored), "
                        + "which reduces triple DES to single DES");
            }
        }
    }
}
