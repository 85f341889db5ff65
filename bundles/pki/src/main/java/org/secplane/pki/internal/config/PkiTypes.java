package org.secplane.pki.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.ValueType;

/**
 * Value types of the {@code [edit security pki]} hierarchy that the generic {@code Types} do not cover:
 * names that become file names in the certificate store, URLs with the schemes a PKI client can use,
 * and trace-match regular expressions.
 */
final class PkiTypes {

    /** Longest accepted CA profile name or certificate identifier. */
    static final int MAX_NAME_LENGTH = 63;

    private static final Pattern OBJECT_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0," + (MAX_NAME_LENGTH - 1) + "}");

    private PkiTypes() {
    }

    /**
     * A CA profile name or certificate identifier. Both name files in the certificate store (a key pair "is
     * saved in the certificate store in a file with the same name as the certificate-ID", L1539), so only
     * letters, digits, {@code .}, {@code -} and {@code _} are accepted, up to 63 characters, not starting
     * with {@code .} or {@code -}: every name of the guide ({@code ca-profile-ipsec}, {@code Root-CA},
     * {@code my_profile}, {@code local.cert}, {@code Host-A}) fits, and no name can leave the store.
     */
    static ValueType objectName(String placeholder) {
        return new ValueType() {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!OBJECT_NAME.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid " + placeholder + " '" + raw + "': use 1.." + MAX_NAME_LENGTH
                            + " letters, digits, '.', '-' or '_', starting with a letter, digit or '_'");
                }
                return raw;
            }

            @Override
            public String describe() {
                return "<" + placeholder + ">";
            }
        };
    }

    /**
     * A URL whose scheme is one of {@code schemes} and which names a host (FQDN or IP address, optional
     * port). With {@code schemeOptional} a URL written without {@code scheme://} is accepted and means the
     * first scheme (the guide's {@code "www.example.net/scep/Root/"}, L775). The value is kept as typed.
     */
    static ValueType url(String placeholder, boolean schemeOptional, String... schemes) {
        List<String> accepted = List.of(schemes);
        String expected = String.join(", ", accepted.stream().map(s -> s + "://").toArray(String[]::new));
        return new ValueType() {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.isEmpty() || raw.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                    throw new InvalidValueException("invalid URL '" + raw + "': spaces and control characters are not allowed");
                }
                String text = raw;
                if (!raw.contains("://")) {
                    if (!schemeOptional) {
                        throw new InvalidValueException("invalid URL '" + raw + "': expecting " + expected + "host[:port]/path");
                    }
                    text = accepted.get(0) + "://" + raw;
                }
                URI uri;
                try {
                    uri = new URI(text);
                } catch (URISyntaxException e) {
                    throw new InvalidValueException("invalid URL '" + raw + "': " + e.getReason());
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!accepted.contains(scheme)) {
                    throw new InvalidValueException("invalid URL '" + raw + "': the scheme must be one of " + expected);
                }
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    throw new InvalidValueException("invalid URL '" + raw + "': it must name a host (FQDN or IP address)");
                }
                if (uri.getPort() == 0 || uri.getPort() > 65535) {
                    throw new InvalidValueException("invalid URL '" + raw + "': port " + uri.getPort()
                            + " is not within range (1..65535)");
                }
                return raw;
            }

            @Override
            public String describe() {
                return "<" + placeholder + ">";
            }
        };
    }

    /** A regular expression, checked with the engine that will apply it to trace lines. */
    static ValueType regularExpression(String placeholder) {
        return new ValueType() {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.isEmpty()) {
                    throw new InvalidValueException("missing " + placeholder);
                }
                try {
                    Pattern.compile(raw);
                } catch (PatternSyntaxException e) {
                    throw new InvalidValueException("invalid regular expression '" + raw + "': " + e.getDescription());
                }
                return raw;
            }

            @Override
            public String describe() {
                return "<" + placeholder + ">";
            }
        };
    }
}
