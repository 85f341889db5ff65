package org.secplane.servicesipsec.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.secret;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.Types.SecretFormat;

/**
 * The manual-SA body shared by {@code [edit services ipsec-vpn rule R term T then manual]} and
 * {@code [edit security ipsec security-association SA manual]} (spec §1.3: the two seeds print the same
 * body). Each call builds fresh statements, so the two hierarchies never share a node instance.
 *
 * <pre>
 * manual {
 *     direction (inbound | outbound | bidirectional) {      # alias bi-directional (D-5, A24)
 *         protocol (ah | esp | bundle);                     # V-M04 mandatory
 *         spi 256..16639;                                   # V-M05 mandatory, V-M06 range (D-7)
 *         auxiliary-spi 256..16639;                         # V-M07; the ESP SPI of a bundle (003:L109)
 *         authentication { algorithm (hmac-md5-96 | hmac-sha1-96); key (ascii-text K | hexadecimal K); }
 *         encryption     { algorithm (des-cbc | 3des-cbc);         key (ascii-text K | hexadecimal K); }
 *     }
 * }
 * </pre>
 *
 * <p>The algorithm keywords are the seeds' (V-M22); the later AES/SHA-2 keywords of the SRX hierarchy
 * are deliberately not accepted here, because every manual-SA algorithm needs its own key-size entry in
 * §3.4 and the seeds define only these four (D-3, strict profile).
 */
final class ManualSaSchema {

    /** The SPI range of manual SAs, 002:L303, L319; 003:L105, L112 (D-7: an error even where the guides' own examples exceed it). */
    static final int SPI_MIN = 256;
    static final int SPI_MAX = 16639;

    private ManualSaSchema() {
    }

    static Container manual() {
        return container("manual",
                list("direction", key(enumeration("inbound", "outbound", "bidirectional", "bi-directional=bidirectional")),
                        leaf("protocol", enumeration("ah", "esp", "bundle")).mandatory()
                                .help("IPsec protocol: ah (authentication only), esp (encryption and/or authentication), "
                                        + "bundle (AH authentication with ESP encryption)"),
                        leaf("spi", integer(SPI_MIN, SPI_MAX)).mandatory()
                                .help("Security parameter index: identifies the SA at the receiving host (256..16639); "
                                        + "each manual SA needs a unique SPI and protocol combination"),
                        leaf("auxiliary-spi", integer(SPI_MIN, SPI_MAX))
                                .help("Auxiliary SPI (256..16639): the ESP SPI when protocol is bundle (the SPI is then the AH SPI)"),
                        container("authentication",
                                leaf("algorithm", enumeration("hmac-md5-96", "hmac-sha1-96")).mandatory()
                                        .help("Hash algorithm: hmac-md5-96 (128-bit key) or hmac-sha1-96 (160-bit key), "
                                                + "ICV truncated to 96 bits"),
                                keyStatement("Authentication key: 16 ASCII characters or 32 hex digits for hmac-md5-96, "
                                        + "20 ASCII characters or 40 hex digits for hmac-sha1-96"))
                                .help("Authentication algorithm and key (required for ah and bundle)"),
                        container("encryption",
                                leaf("algorithm", enumeration("des-cbc", "3des-cbc")).mandatory()
                                        .help("Encryption algorithm: des-cbc (8-byte key) or 3des-cbc (24-byte key)"),
                                keyStatement("Encryption key: 8 ASCII characters or 16 hex digits for des-cbc, "
                                        + "24 ASCII characters or 48 hex digits for 3des-cbc; DES weak keys are refused"))
                                .help("Encryption algorithm and key (not allowed with ah; required for bundle)"))
                        .help("Direction of IPsec processing: inbound and outbound SAs are configured separately, "
                                + "bidirectional uses the same attributes both ways"))
                .help("Manual security association: all values, including the keys, are static");
    }

    /** {@code key (ascii-text K | hexadecimal K);} shown on one line, the key sealed. */
    static Container keyStatement(String help) {
        return container("key",
                choice(leaf("ascii-text", secret(SecretFormat.ASCII)).help("Key as ASCII text (one byte per character)"),
                        leaf("hexadecimal", secret(SecretFormat.HEX)).help("Key as hexadecimal digits")))
                .oneLine().help(help);
    }
}
