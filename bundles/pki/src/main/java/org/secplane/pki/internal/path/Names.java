package org.secplane.pki.internal.path;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Distinguished names: the RFC 5280 §7.1 comparison (RDN by RDN in order, attribute values compared
 * case-insensitively with insignificant white space removed, whatever their string type), and the forms
 * Junos prints.
 */
final class Names {

    private static final DateTimeFormatter JUNOS_DATE =
            DateTimeFormatter.ofPattern("MM-ppd-yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Names() {
    }

    /**
     * A key equal for two names exactly when they match under RFC 5280 rules: same number of RDNs, each RDN
     * (a set) with the same attribute types and matching values, in the same order.
     */
    static String key(X500Name name) {
        StringBuilder key = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            key.append(rdnKey(rdn)).append('/');
        }
        return key.toString();
    }

    static String rdnKey(RDN rdn) {
        AttributeTypeAndValue[] values = rdn.getTypesAndValues().clone();
        String[] parts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = values[i].getType().getId() + "=" + IETFUtils.canonicalString(values[i].getValue());
        }
        Arrays.sort(parts, Comparator.naturalOrder());
        return String.join("+", parts);
    }

    /** Whether {@code base} is a prefix of {@code name} RDN by RDN (a directoryName subtree, RFC 5280 §4.2.1.10). */
    static boolean isPrefix(X500Name base, X500Name name) {
        RDN[] b = base.getRDNs();
        RDN[] n = name.getRDNs();
        if (b.length > n.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (!rdnKey(b[i]).equals(rdnKey(n[i]))) {
                return false;
            }
        }
        return true;
    }

    /** The Junos "Issued by" form: RDNs in encoded order, {@code KEY = value} joined by {@code ", "}. */
    static String junos(X500Name name) {
        StringBuilder s = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            AttributeTypeAndValue[] values = rdn.getTypesAndValues();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    s.append(" + ");
                }
                s.append(attributeName(values[i].getType())).append(" = ")
                        .append(IETFUtils.valueToString(values[i].getValue()));
            }
        }
        return s.length() == 0 ? "<empty subject>" : s.toString();
    }

    private static String attributeName(ASN1ObjectIdentifier type) {
        if (type.equals(BCStyle.SERIALNUMBER)) {
            return "serialNumber";
        }
        if (type.equals(BCStyle.EmailAddress)) {
            return "emailAddress";
        }
        String name = BCStyle.INSTANCE.oidToDisplayName(type);
        return name == null ? type.getId() : name;
    }

    /** A date as Junos prints it, {@code MM-DD-YYYY HH:MM} with the day space-padded, in UTC. */
    static String date(Instant instant) {
        return JUNOS_DATE.format(instant);
    }
}
