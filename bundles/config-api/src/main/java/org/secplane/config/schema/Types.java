package org.secplane.config.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The value types of the Junos configuration. */
public final class Types {

    private Types() {
    }

    private static final Pattern INTERFACE = Pattern.compile(
            "[a-z][a-z0-9]*(-\\d+/\\d+/\\d+(:\\d+)?)?(\\.\\d+)?");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d");
    private static final Pattern HEX = Pattern.compile("(0x)?[0-9a-fA-F]+");

    /** Free text (descriptions, regular expressions, URLs as typed). */
    public static ValueType string(String placeholder) {
        return new Simple("<" + placeholder + ">") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.isEmpty()) {
                    throw new InvalidValueException("missing " + placeholder);
                }
                return raw;
            }
        };
    }

    /** A name of a configured object: any non-empty text without line breaks. */
    public static ValueType name(String placeholder) {
        return new Simple("<" + placeholder + ">") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.isEmpty() || raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
                    throw new InvalidValueException("invalid " + placeholder + " '" + raw + "'");
                }
                return raw;
            }
        };
    }

    /** A name that must be one of the entries of the list at {@code listPath} (checked at commit). */
    public static ValueType reference(String placeholder, String listPath) {
        ValueType name = name(placeholder);
        return new Simple(name.describe()) {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return name.normalize(raw);
            }

            @Override
            public String referenceTo() {
                return listPath;
            }
        };
    }

    /** A decimal integer in {@code min..max}. */
    public static ValueType integer(long min, long max) {
        return new Simple("<" + min + ".." + max + ">") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                long value;
                try {
                    value = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException("invalid numeric value: '" + raw + "'");
                }
                if (value < min || value > max) {
                    throw new InvalidValueException("value " + raw + " is not within range (" + min + ".." + max + ")");
                }
                return Long.toString(value);
            }
        };
    }

    /** A size in bytes written {@code N}, {@code Nk}, {@code Nm} or {@code Ng}, within {@code min..max} bytes. */
    public static ValueType size(long min, long max) {
        return new Simple("<" + min + ".." + max + ">") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                String lower = raw.toLowerCase(Locale.ROOT);
                long multiplier = 1;
                String digits = lower;
                if (lower.endsWith("k") || lower.endsWith("m") || lower.endsWith("g")) {
                    char unit = lower.charAt(lower.length() - 1);
                    multiplier = unit == 'k' ? 1024L : unit == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
                    digits = lower.substring(0, lower.length() - 1);
                }
                long value;
                try {
                    value = Math.multiplyExact(Long.parseLong(digits), multiplier);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new InvalidValueException("invalid size: '" + raw + "' (use N, Nk, Nm or Ng)");
                }
                if (value < min || value > max) {
                    throw new InvalidValueException("size " + raw + " is not within range (" + min + ".." + max + " bytes)");
                }
                return lower;
            }
        };
    }

    /** One of the given keywords; {@code alias=canonical} entries accept a spelling variant. */
    public static ValueType enumeration(String... values) {
        Map<String, String> accepted = new LinkedHashMap<>();
        List<String> canonical = new ArrayList<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq > 0) {
                accepted.put(value.substring(0, eq), value.substring(eq + 1));
            } else {
                accepted.put(value, value);
                canonical.add(value);
            }
        }
        String description = "(" + String.join(" | ", canonical) + ")";
        return new Simple(description) {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                String value = accepted.get(raw);
                if (value == null) {
                    throw new InvalidValueException("invalid value '" + raw + "', expecting one of " + description);
                }
                return value;
            }

            @Override
            public List<String> completions() {
                return Collections.unmodifiableList(canonical);
            }
        };
    }

    public static ValueType ipv4Address() {
        return new Simple("<ipv4-address>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return IpText.ipv4(raw, "IPv4 address");
            }
        };
    }

    public static ValueType ipv6Address() {
        return new Simple("<ipv6-address>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return IpText.ipv6(raw, "IPv6 address");
            }
        };
    }

    /** An IPv4 or IPv6 address. */
    public static ValueType ipAddress() {
        return new Simple("<ip-address>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return raw.indexOf(':') >= 0 ? IpText.ipv6(raw, "IP address") : IpText.ipv4(raw, "IP address");
            }
        };
    }

    /** An IPv4 prefix {@code a.b.c.d/len}; with {@code lengthOptional} a bare address means {@code /32}. */
    public static ValueType ipv4Prefix(boolean lengthOptional) {
        return new Simple("<ipv4-prefix>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return IpText.prefix(raw, false, lengthOptional);
            }
        };
    }

    public static ValueType ipv6Prefix(boolean lengthOptional) {
        return new Simple("<ipv6-prefix>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return IpText.prefix(raw, true, lengthOptional);
            }
        };
    }

    /** An IPv4 or IPv6 prefix. */
    public static ValueType ipPrefix(boolean lengthOptional) {
        return new Simple("<ip-prefix>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return IpText.prefix(raw, raw.indexOf(':') >= 0, lengthOptional);
            }
        };
    }

    /** An IP address or a host name. */
    public static ValueType hostOrAddress() {
        return new Simple("<ip-address-or-hostname>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.indexOf('/') >= 0) {
                    throw new InvalidValueException("'" + raw + "' is a prefix; expecting an IP address or host name");
                }
                if (raw.indexOf(':') >= 0) {
                    return IpText.ipv6(raw, "IP address");
                }
                if (raw.matches("[0-9.]+")) {
                    return IpText.ipv4(raw, "IP address");
                }
                return Types.hostname().normalize(raw);
            }
        };
    }

    public static ValueType hostname() {
        return new Simple("<hostname>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!HOSTNAME.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid host name '" + raw + "'");
                }
                return raw;
            }
        };
    }

    public static ValueType email() {
        return new Simple("<e-mail-address>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!EMAIL.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid e-mail address '" + raw + "'");
                }
                return raw;
            }
        };
    }

    /** A Junos interface name: {@code ge-0/0/3}, {@code st0}, {@code lo0}; with a unit {@code ge-0/0/3.0}. */
    public static ValueType interfaceName(boolean unitRequired) {
        return new Simple(unitRequired ? "<interface-name.unit>" : "<interface-name>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!INTERFACE.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid interface name '" + raw + "'");
                }
                if (unitRequired && raw.indexOf('.') < 0) {
                    throw new InvalidValueException("interface '" + raw + "' needs a logical unit, e.g. " + raw + ".0");
                }
                return raw;
            }
        };
    }

    /** A time of day {@code HH:MM}. */
    public static ValueType timeOfDay() {
        return new Simple("<hh:mm>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!TIME_OF_DAY.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid time of day '" + raw + "', expecting hh:mm");
                }
                return raw.length() == 4 ? "0" + raw : raw;
            }
        };
    }

    /**
     * A secret (pre-shared key, manual SA key, challenge password). The engine seals it under the device
     * key as soon as it is entered and shows it only as {@code $9$…}; a value starting with {@code $9$} is
     * taken as already obfuscated.
     */
    public static ValueType secret(SecretFormat format) {
        return new SecretType(format);
    }

    /** How a secret's clear text is written. */
    public enum SecretFormat {
        /** printable text, one byte per character */
        ASCII,
        /** hexadecimal digits, optionally prefixed {@code 0x} */
        HEX
    }

    /** The type of secret values; the engine recognises it to seal values. */
    public static final class SecretType implements ValueType {
        private final SecretFormat format;

        SecretType(SecretFormat format) {
            this.format = format;
        }

        public SecretFormat format() {
            return format;
        }

        /** Checks the clear text of a secret (after {@code $9$} decoding). */
        @Override
        public String normalize(String clear) throws InvalidValueException {
            if (clear.isEmpty()) {
                throw new InvalidValueException("missing secret");
            }
            if (format == SecretFormat.HEX && !HEX.matcher(clear).matches()) {
                throw new InvalidValueException("invalid hexadecimal key: only 0-9 and a-f are allowed");
            }
            for (int i = 0; i < clear.length(); i++) {
                char c = clear.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw new InvalidValueException("secret contains a non-printable character");
                }
            }
            return clear;
        }

        @Override
        public String describe() {
            return format == SecretFormat.HEX ? "<hexadecimal-key>" : "<ascii-text-key>";
        }
    }

    private abstract static class Simple implements ValueType {
        private final String description;

        Simple(String description) {
            this.description = description;
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
