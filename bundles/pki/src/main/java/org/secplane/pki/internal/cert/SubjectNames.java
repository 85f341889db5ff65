package org.secplane.pki.internal.cert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.util.encoders.Hex;

/**
 * Distinguished names as the guide types and prints them.
 *
 * <p><b>Input</b> ({@code subject} of {@code generate-certificate-request} and {@code generate-self-signed}):
 * comma-separated {@code KEY=value} with the keys DC, CN, SN (serial number), OU, O, L, ST, C in any order
 * and any number ("you can enter multiple values of each type", L1520; pki.md §6.1 #27), case-insensitive
 * keys, blanks around items ignored, {@code \,} for a comma inside a value. A bare {@code SN} is the device
 * serial number (L1184). The attributes are encoded in the order typed (as {@code openssl req -subj} does),
 * so the subject string shown later reads as typed. C must be two letters (L2778); values are limited to
 * the RFC 5280 upper bounds.
 *
 * <p><b>Output</b> (pki.md §3.22): {@link #issuedBy} ({@code C = US, O = example, CN = RootCA}), {@link
 * #subjectString} ({@code C=US, O=example, CN=RootCA}), both in encoding order; {@link #issuedTo} (the first
 * CN); and {@link #fields} for the detail form's labelled subfields in the guide's fixed order.
 */
public final class SubjectNames {

    /** The keys accepted in a subject, with the attribute and its upper bound (RFC 5280 Appendix A). */
    private static final Map<String, Attribute> INPUT = new LinkedHashMap<>();

    /** Short names for output (OpenSSL's, except serialNumber as the guide prints it). */
    private static final Map<ASN1ObjectIdentifier, String> SHORT = new LinkedHashMap<>();

    /** The detail form's labels, in the guide's order. */
    private static final Map<ASN1ObjectIdentifier, String> LABELS = new LinkedHashMap<>();

    private record Attribute(ASN1ObjectIdentifier oid, int maxLength) {
    }

    static {
        INPUT.put("DC", new Attribute(BCStyle.DC, 63));
        INPUT.put("CN", new Attribute(BCStyle.CN, 64));
        INPUT.put("SN", new Attribute(BCStyle.SERIALNUMBER, 64));
        INPUT.put("OU", new Attribute(BCStyle.OU, 64));
        INPUT.put("O", new Attribute(BCStyle.O, 64));
        INPUT.put("L", new Attribute(BCStyle.L, 128));
        INPUT.put("ST", new Attribute(BCStyle.ST, 128));
        INPUT.put("C", new Attribute(BCStyle.C, 2));

        SHORT.put(BCStyle.C, "C");
        SHORT.put(BCStyle.ST, "ST");
        SHORT.put(BCStyle.L, "L");
        SHORT.put(BCStyle.O, "O");
        SHORT.put(BCStyle.OU, "OU");
        SHORT.put(BCStyle.CN, "CN");
        SHORT.put(BCStyle.DC, "DC");
        SHORT.put(BCStyle.SERIALNUMBER, "serialNumber");
        SHORT.put(BCStyle.EmailAddress, "emailAddress");
        SHORT.put(BCStyle.UID, "UID");
        SHORT.put(BCStyle.SURNAME, "SN");
        SHORT.put(BCStyle.GIVENNAME, "GN");
        SHORT.put(BCStyle.T, "title");
        SHORT.put(BCStyle.STREET, "street");
        SHORT.put(BCStyle.POSTAL_CODE, "postalCode");
        SHORT.put(BCStyle.DN_QUALIFIER, "dnQualifier");
        SHORT.put(BCStyle.INITIALS, "initials");
        SHORT.put(BCStyle.GENERATION, "generationQualifier");
        SHORT.put(BCStyle.PSEUDONYM, "pseudonym");

        LABELS.put(BCStyle.O, "Organization");
        LABELS.put(BCStyle.OU, "Organizational unit");
        LABELS.put(BCStyle.C, "Country");
        LABELS.put(BCStyle.ST, "State");
        LABELS.put(BCStyle.L, "Locality");
        LABELS.put(BCStyle.CN, "Common name");
        LABELS.put(BCStyle.DC, "Domain component");
        LABELS.put(BCStyle.SERIALNUMBER, "Serial number");
    }

    private SubjectNames() {
    }

    /**
     * Parses a subject as typed.
     *
     * @param deviceSerial the device serial number, for a bare {@code SN}
     */
    public static X500Name parse(String typed, Supplier<String> deviceSerial) throws PkiException {
        List<String> items = split(typed);
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        for (String item : items) {
            int eq = item.indexOf('=');
            String key = (eq < 0 ? item : item.substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            if (key.equals("SERIALNUMBER")) {
                key = "SN";
            }
            Attribute attribute = INPUT.get(key);
            if (attribute == null) {
                throw new PkiException("invalid subject '" + typed + "': unknown attribute '" + key.trim()
                        + "'; expecting DC, CN, SN, OU, O, L, ST or C");
            }
            String value;
            if (eq < 0) {
                if (!key.equals("SN")) {
                    throw new PkiException("invalid subject '" + typed + "': '" + item + "' has no value (expecting "
                            + key + "=<value>)");
                }
                value = deviceSerial.get();
            } else {
                value = item.substring(eq + 1).trim();
            }
            if (value.isEmpty()) {
                throw new PkiException("invalid subject '" + typed + "': " + key + " has an empty value");
            }
            if (key.equals("C") && !value.matches("[A-Za-z]{2}")) {
                throw new PkiException("invalid subject '" + typed + "': C must be a two-letter country code (such as US),"
                        + " not '" + value + "'");
            }
            if (value.length() > attribute.maxLength()) {
                throw new PkiException("invalid subject '" + typed + "': " + key + " value '" + value + "' is longer than "
                        + attribute.maxLength() + " characters");
            }
            if ((key.equals("C") || key.equals("SN")) && !value.matches("[A-Za-z0-9 '()+,./:=?-]+")) {
                throw new PkiException("invalid subject '" + typed + "': " + key + " value '" + value
                        + "' may hold only letters, digits, blanks and ' ( ) + , - . / : = ?");
            }
            if (key.equals("DC") && !value.matches("\\p{ASCII}+")) {
                throw new PkiException("invalid subject '" + typed + "': DC value '" + value + "' must be ASCII");
            }
            name.addRDN(attribute.oid(), key.equals("C") ? value.toUpperCase(Locale.ROOT) : value);
        }
        return name.build();
    }

    /** Splits at commas not escaped by a backslash; unescapes; refuses empty items. */
    private static List<String> split(String typed) throws PkiException {
        if (typed == null || typed.isBlank()) {
            throw new PkiException("invalid subject: it is empty; expecting for example CN=host,O=example,C=US");
        }
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '\\' && i + 1 < typed.length()) {
                item.append(typed.charAt(++i));
            } else if (c == ',') {
                items.add(item.toString());
                item.setLength(0);
            } else if (c < ' ') {
                throw new PkiException("invalid subject '" + typed + "': control characters are not allowed");
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        for (String each : items) {
            if (each.isBlank()) {
                throw new PkiException("invalid subject '" + typed + "': empty item between commas");
            }
        }
        return items;
    }

    public static X500Name of(X500Principal principal) {
        return X500Name.getInstance(principal.getEncoded());
    }

    /** {@code C = US, O = example, CN = RootCA}: encoding order, {@code KEY = value}. */
    public static String issuedBy(X500Name name) {
        return join(name, " = ");
    }

    /** {@code C=US, O=example, CN=RootCA}: encoding order, {@code KEY=value}. */
    public static String subjectString(X500Name name) {
        return join(name, "=");
    }

    private static String join(X500Name name, String equals) {
        List<String> parts = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            List<String> values = new ArrayList<>();
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                values.add(shortName(value.getType()) + equals + text(value.getValue()));
            }
            parts.add(String.join(" + ", values));
        }
        return String.join(", ", parts);
    }

    /** The first common name, if any. */
    public static Optional<String> firstCommonName(X500Name name) {
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (value.getType().equals(BCStyle.CN)) {
                    return Optional.of(text(value.getValue()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The labelled subfields of the detail form, in the guide's order (Organization, Organizational unit,
     * Country, State, Locality, Common name, Domain component, Serial number), repeated attributes in their
     * encoding order; other attributes follow under their short names.
     */
    public static List<String> fields(X500Name name) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<ASN1ObjectIdentifier, String> label : LABELS.entrySet()) {
            for (RDN rdn : name.getRDNs()) {
                for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                    if (value.getType().equals(label.getKey())) {
                        fields.add(label.getValue() + ": " + text(value.getValue()));
                    }
                }
            }
        }
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (!LABELS.containsKey(value.getType())) {
                    fields.add(shortName(value.getType()) + ": " + text(value.getValue()));
                }
            }
        }
        return fields;
    }

    /**
     * The detail form's subfields grouped by attribute: {@code Organization: o1, Organization: o2} is one
     * group. The guide wraps the subfield lines between groups (its samples break after the Organizations,
     * keep {@code Common name: device1-ABC-A1-CA} apart from the Domain components), see
     * {@link CertificateText#wrap}.
     */
    public static List<String> fieldGroups(X500Name name) {
        List<String> groups = new ArrayList<>();
        String label = null;
        for (String field : fields(name)) {
            String fieldLabel = field.substring(0, field.indexOf(':'));
            if (fieldLabel.equals(label)) {
                groups.set(groups.size() - 1, groups.get(groups.size() - 1) + ", " + field);
            } else {
                groups.add(field);
            }
            label = fieldLabel;
        }
        return groups;
    }

    static String shortName(ASN1ObjectIdentifier type) {
        String name = SHORT.get(type);
        return name == null ? type.getId() : name;
    }

    static String text(ASN1Encodable value) {
        if (value instanceof ASN1String) {
            return ((ASN1String) value).getString();
        }
        try {
            return "#" + Hex.toHexString(value.toASN1Primitive().getEncoded());
        } catch (java.io.IOException e) {
            return value.toString();
        }
    }
}
