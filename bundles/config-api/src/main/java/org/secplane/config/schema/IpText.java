package org.secplane.config.schema;

/** Strict textual checks of IP addresses and prefixes (no name resolution, no leniency). */
final class IpText {

    private IpText() {
    }

    static String ipv4(String raw, String what) throws InvalidValueException {
        String[] parts = raw.split("\\.", -1);
        if (parts.length != 4) {
            throw new InvalidValueException("invalid " + what + " '" + raw + "'");
        }
        StringBuilder canonical = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                throw new InvalidValueException("invalid " + what + " '" + raw + "'");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new InvalidValueException("invalid " + what + " '" + raw + "': octet " + part + " > 255");
            }
            if (canonical.length() > 0) {
                canonical.append('.');
            }
            canonical.append(octet);
        }
        return canonical.toString();
    }

    static String ipv6(String raw, String what) throws InvalidValueException {
        String text = raw.toLowerCase(java.util.Locale.ROOT);
        if (!text.matches("[0-9a-f:.]+") || text.indexOf(':') < 0) {
            throw new InvalidValueException("invalid " + what + " '" + raw + "'");
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw new InvalidValueException("invalid " + what + " '" + raw + "': '::' appears twice");
        }
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                continue;
            }
            if (group.indexOf('.') >= 0) {
                if (i != groups.length - 1) {
                    throw new InvalidValueException("invalid " + what + " '" + raw + "'");
                }
                ipv4(group, what);
                count += 2;
            } else {
                if (group.length() > 4) {
                    throw new InvalidValueException("invalid " + what + " '" + raw + "'");
                }
                count++;
            }
        }
        if (doubleColon < 0 ? count != 8 : count > 7) {
            throw new InvalidValueException("invalid " + what + " '" + raw + "'");
        }
        return text;
    }

    static String prefix(String raw, boolean v6, boolean lengthOptional) throws InvalidValueException {
        int slash = raw.indexOf('/');
        String what = v6 ? "IPv6 prefix" : "IPv4 prefix";
        if (slash < 0) {
            if (!lengthOptional) {
                throw new InvalidValueException("invalid " + what + " '" + raw + "': missing /length");
            }
            return v6 ? ipv6(raw, what) : ipv4(raw, what);
        }
        String address = v6 ? ipv6(raw.substring(0, slash), what) : ipv4(raw.substring(0, slash), what);
        String lengthText = raw.substring(slash + 1);
        int length;
        try {
            length = Integer.parseInt(lengthText);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("invalid " + what + " '" + raw + "': bad length");
        }
        if (length < 0 || length > (v6 ? 128 : 32)) {
            throw new InvalidValueException("invalid " + what + " '" + raw + "': length " + length + " out of range");
        }
        return address + "/" + length;
    }
}
