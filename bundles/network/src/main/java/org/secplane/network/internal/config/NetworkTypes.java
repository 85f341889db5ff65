package org.secplane.network.internal.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.secplane.config.schema.InvalidValueException;
import org.secplane.config.schema.Types;
import org.secplane.config.schema.ValueType;

/** Value types of the network hierarchies that the general {@link Types} do not cover. */
final class NetworkTypes {

    private NetworkTypes() {
    }

    private static final Pattern DEVICE = Pattern.compile("[a-z][a-z0-9]*(-\\d+/\\d+/\\d+(:\\d+)?)?");
    private static final Pattern UNIT = Pattern.compile("[a-z][a-z0-9]*(-\\d+/\\d+/\\d+(:\\d+)?)?(\\.\\d+)?");
    private static final Pattern ROUTE_DISTINGUISHER = Pattern.compile("(\\d+L?|\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+");
    private static final Pattern COMMUNITY = Pattern.compile(
            "((target|origin):(\\d+L?|\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+|\\d+:\\d+|no-export|no-advertise|no-export-subconfed"
                    + "|[\\^$.*+?()\\[\\]|:0-9a-z-]+)");

    /** A physical or virtual interface without a unit: {@code ge-0/0/3}, {@code st0}, {@code sp-3/1/0}. */
    static ValueType interfaceDevice() {
        return new Simple("<interface-name>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.indexOf('.') >= 0) {
                    throw new InvalidValueException("'" + raw + "' names a logical unit; configure it as '"
                            + raw.substring(0, raw.lastIndexOf('.')) + " unit " + raw.substring(raw.lastIndexOf('.') + 1) + "'");
                }
                if (!DEVICE.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid interface name '" + raw + "'");
                }
                return raw;
            }
        };
    }

    /**
     * A logical interface {@code ge-0/0/3.0}; a name without a unit means unit 0 and is stored as
     * {@code name.0}, as Junos does.
     */
    static ValueType interfaceUnit() {
        return new Simple("<interface-name.unit>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!UNIT.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid interface name '" + raw + "'");
                }
                String unit = raw.indexOf('.') < 0 ? raw + ".0" : raw;
                long number = Long.parseLong(unit.substring(unit.lastIndexOf('.') + 1));
                if (number > 16385) {
                    throw new InvalidValueException("unit " + number + " of '" + raw + "' is not within range (0..16385)");
                }
                return unit.substring(0, unit.lastIndexOf('.') + 1) + number;
            }
        };
    }

    /** A logical interface or the keyword {@code all} (OSPF interfaces). */
    static ValueType interfaceUnitOrAll() {
        ValueType unit = interfaceUnit();
        return new Simple("(<interface-name.unit> | all)") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                return raw.equals("all") ? raw : unit.normalize(raw);
            }
        };
    }

    /** A next hop: an IPv4/IPv6 address or a logical interface ({@code st0.0}, {@code sp-3/1/0.1}). */
    static ValueType nextHop() {
        ValueType address = Types.ipAddress();
        ValueType unit = interfaceUnit();
        return new Simple("(<ip-address> | <interface-name.unit>)") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.indexOf(':') >= 0 || raw.matches("[0-9.]+")) {
                    return address.normalize(raw);
                }
                try {
                    return unit.normalize(raw);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("invalid next hop '" + raw + "': expecting an IP address or an interface");
                }
            }
        };
    }

    /** {@code AS:number}, {@code AS4L:number} or {@code IPv4-address:number}. */
    static ValueType routeDistinguisher() {
        ValueType ipv4 = Types.ipv4Address();
        return new Simple("<as-number:number | ip-address:number>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!ROUTE_DISTINGUISHER.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid route distinguisher '" + raw
                            + "', expecting as-number:number or ip-address:number");
                }
                String administrator = raw.substring(0, raw.indexOf(':'));
                if (administrator.indexOf('.') >= 0) {
                    ipv4.normalize(administrator);
                }
                return raw;
            }
        };
    }

    /** A BGP community value or a regular expression of them ({@code target:100:20}, {@code 65000:100}). */
    static ValueType community() {
        return new Simple("<community>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!COMMUNITY.matcher(raw).matches()) {
                    throw new InvalidValueException("invalid community '" + raw + "'");
                }
                return raw;
            }
        };
    }

    /** An OSPF area: dotted quad or a number (stored dotted, {@code 0} → {@code 0.0.0.0}). */
    static ValueType areaId() {
        ValueType ipv4 = Types.ipv4Address();
        return new Simple("<area-id>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.matches("\\d{1,10}")) {
                    long value = Long.parseLong(raw);
                    if (value > 0xFFFFFFFFL) {
                        throw new InvalidValueException("area " + raw + " is not within range (0..4294967295)");
                    }
                    return (value >>> 24) + "." + ((value >>> 16) & 255) + "." + ((value >>> 8) & 255) + "." + (value & 255);
                }
                return ipv4.normalize(raw);
            }
        };
    }

    /** A time zone the JVM knows: {@code PST8PDT}, {@code America/New_York}, {@code UTC}, {@code GMT+8}. */
    static ValueType timeZone() {
        return new Simple("<time-zone>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                try {
                    ZoneId.of(raw);
                } catch (DateTimeException e) {
                    throw new InvalidValueException("unknown time zone '" + raw + "'");
                }
                return raw;
            }
        };
    }

    /** A routing table of a {@code rib} statement: {@code inet.0}, {@code inet6.0}, or {@code <instance>.inet6.0}. */
    static ValueType ribName() {
        return new Simple("<rib-name>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (!raw.matches("([A-Za-z0-9_-]+\\.)?inet6?\\.0")) {
                    throw new InvalidValueException("invalid routing table '" + raw + "', expecting inet6.0 or <instance>.inet6.0");
                }
                return raw;
            }
        };
    }

    private static final List<String> PROTOCOL_NAMES = List.of("ah", "egp", "esp", "gre", "icmp",
            "icmp6", "igmp", "ipip", "ospf", "pim", "rsvp", "sctp", "tcp", "udp", "vrrp");

    /** An IP protocol: a name ({@code tcp}, {@code udp}, {@code esp}, …) or a number 0..255. */
    static ValueType ipProtocol() {
        return new Simple("(" + String.join(" | ", PROTOCOL_NAMES) + " | <0..255>)") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (PROTOCOL_NAMES.contains(raw)) {
                    return raw;
                }
                if (raw.matches("\\d{1,3}") && Integer.parseInt(raw) <= 255) {
                    return Integer.toString(Integer.parseInt(raw));
                }
                throw new InvalidValueException("invalid protocol '" + raw + "', expecting a name ("
                        + String.join(", ", PROTOCOL_NAMES) + ") or a number 0..255");
            }

            @Override
            public List<String> completions() {
                return PROTOCOL_NAMES;
            }
        };
    }

    /** A port, a port range {@code low-high} (0..65535) or a well-known port name ({@code http}, {@code ssh}). */
    static ValueType port() {
        return new Simple("<port | low-high | port-name>") {
            @Override
            public String normalize(String raw) throws InvalidValueException {
                if (raw.matches("[a-z][a-z0-9-]*")) {
                    return raw;
                }
                if (!raw.matches("\\d{1,5}(-\\d{1,5})?")) {
                    throw new InvalidValueException("invalid port '" + raw + "'");
                }
                String[] bounds = raw.split("-");
                int low = Integer.parseInt(bounds[0]);
                int high = Integer.parseInt(bounds[bounds.length - 1]);
                if (high > 65535 || low > high) {
                    throw new InvalidValueException("invalid port range '" + raw + "' (0..65535, low-high)");
                }
                return bounds.length == 1 ? Integer.toString(low) : low + "-" + high;
            }
        };
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
