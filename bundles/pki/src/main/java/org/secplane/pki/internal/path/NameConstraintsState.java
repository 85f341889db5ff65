package org.secplane.pki.internal.path;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.secplane.pki.ValidationFailure.Reason;

/**
 * The permitted and excluded subtrees of RFC 5280 §6.1 for the name forms directoryName, rfc822Name,
 * dNSName, uniformResourceIdentifier and iPAddress. The permitted state is kept per certificate that
 * imposed it (a name must fall in one subtree of each), which is the exact intersection. A name of another
 * form constrained by some CA (otherName, x400Address, ediPartyName, registeredID) cannot be processed
 * and fails the path, as RFC 5280 §4.2.1.10 requires.
 */
final class NameConstraintsState {

    private record Subtree(GeneralName base, Cert source) {
    }

    /** One entry per certificate (and name form) that permitted subtrees; a name must match one subtree of each. */
    private final List<List<Subtree>> permitted = new ArrayList<>();
    private final List<Subtree> excluded = new ArrayList<>();

    /** §6.1.4 (g): adds the constraints of {@code ca}. */
    void add(Cert ca, NameConstraints constraints) throws PathFailure {
        if (constraints.getPermittedSubtrees() != null) {
            List<List<Subtree>> byType = new ArrayList<>();
            for (int type = 0; type <= 8; type++) {
                byType.add(new ArrayList<>());
            }
            for (GeneralSubtree subtree : constraints.getPermittedSubtrees()) {
                check(ca, subtree);
                byType.get(subtree.getBase().getTagNo()).add(new Subtree(subtree.getBase(), ca));
            }
            for (List<Subtree> list : byType) {
                if (!list.isEmpty()) {
                    permitted.add(list);
                }
            }
        }
        if (constraints.getExcludedSubtrees() != null) {
            for (GeneralSubtree subtree : constraints.getExcludedSubtrees()) {
                check(ca, subtree);
                excluded.add(new Subtree(subtree.getBase(), ca));
            }
        }
    }

    private static void check(Cert ca, GeneralSubtree subtree) throws PathFailure {
        if ((subtree.getMinimum() != null && subtree.getMinimum().signum() != 0) || subtree.getMaximum() != null) {
            throw new PathFailure(Reason.MALFORMED, ca, ca.describe()
                    + " has name constraints with a minimum or maximum, which RFC 5280 forbids");
        }
    }

    /** §6.1.3 (b), (c): checks the subject name, its e-mail addresses and the subject alternative names of {@code cert}. */
    void check(Cert cert, GeneralName[] altNames) throws PathFailure {
        if (permitted.isEmpty() && excluded.isEmpty()) {
            return;
        }
        try {
            checkNames(cert, altNames);
        } catch (RuntimeException e) {
            throw new PathFailure(Reason.MALFORMED, cert, "a name of " + cert.describe()
                    + " or a name constraint above it cannot be decoded: " + e.getMessage());
        }
    }

    private void checkNames(Cert cert, GeneralName[] altNames) throws PathFailure {
        List<GeneralName> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (cert.subject.getRDNs().length > 0) {
            names.add(new GeneralName(cert.subject));
            labels.add("subject name");
            for (RDN rdn : cert.subject.getRDNs()) {
                for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                    if (value.getType().equals(BCStyle.EmailAddress)) {
                        GeneralName email = new GeneralName(GeneralName.rfc822Name,
                                IETFUtils.valueToString(value.getValue()));
                        names.add(email);
                        labels.add("subject " + describe(email));
                    }
                }
            }
        }
        if (altNames != null) {
            for (GeneralName name : altNames) {
                names.add(name);
                labels.add("alternative " + describe(name));
            }
        }
        for (int k = 0; k < names.size(); k++) {
            GeneralName name = names.get(k);
            String label = labels.get(k);
            for (List<Subtree> subtrees : permitted) {
                if (subtrees.get(0).base().getTagNo() != name.getTagNo()) {
                    continue;
                }
                boolean inside = false;
                for (Subtree subtree : subtrees) {
                    if (matches(cert, subtree, name)) {
                        inside = true;
                        break;
                    }
                }
                if (!inside) {
                    throw new PathFailure(Reason.NAME_CONSTRAINTS, cert, "the " + label + " of " + cert.describe()
                            + " is not within the permitted subtrees of " + subtrees.get(0).source().describe());
                }
            }
            for (Subtree subtree : excluded) {
                if (subtree.base().getTagNo() == name.getTagNo() && matches(cert, subtree, name)) {
                    throw new PathFailure(Reason.NAME_CONSTRAINTS, cert, "the " + label + " of " + cert.describe()
                            + " is within the excluded subtree " + describe(subtree.base()) + " of "
                            + subtree.source().describe());
                }
            }
        }
    }

    private static boolean matches(Cert cert, Subtree subtree, GeneralName name) throws PathFailure {
        GeneralName base = subtree.base();
        switch (name.getTagNo()) {
            case GeneralName.directoryName:
                return Names.isPrefix(X500Name.getInstance(base.getName()), X500Name.getInstance(name.getName()));
            case GeneralName.rfc822Name:
                return emailMatches(text(base), text(name));
            case GeneralName.dNSName:
                return dnsMatches(text(base), text(name));
            case GeneralName.uniformResourceIdentifier:
                return uriMatches(cert, text(base), text(name));
            case GeneralName.iPAddress:
                return ipMatches(ASN1OctetString.getInstance(base.getName()).getOctets(),
                        ASN1OctetString.getInstance(name.getName()).getOctets());
            default:
                throw new PathFailure(Reason.NAME_CONSTRAINTS, cert, cert.describe() + " has a "
                        + formName(name.getTagNo()) + " name, a form whose name constraints (imposed by "
                        + subtree.source().describe() + ") cannot be processed");
        }
    }

    private static String text(GeneralName name) {
        return ASN1IA5String.getInstance(name.getName()).getString();
    }

    /** RFC 5280 §4.2.1.10 rfc822Name: a mailbox, all mailboxes on a host, or on any host of a domain (leading dot). */
    static boolean emailMatches(String constraint, String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String host = email.substring(at + 1).toLowerCase(Locale.ROOT);
        if (constraint.indexOf('@') >= 0) {
            int cat = constraint.lastIndexOf('@');
            return email.substring(0, at).equals(constraint.substring(0, cat))
                    && host.equals(constraint.substring(cat + 1).toLowerCase(Locale.ROOT));
        }
        String c = constraint.toLowerCase(Locale.ROOT);
        if (c.startsWith(".")) {
            return host.endsWith(c);
        }
        return host.equals(c);
    }

    /** dNSName: the constraint itself or any name made by adding labels on its left. */
    static boolean dnsMatches(String constraint, String dns) {
        String c = stripDot(constraint.toLowerCase(Locale.ROOT));
        String d = stripDot(dns.toLowerCase(Locale.ROOT));
        if (c.isEmpty()) {
            return true;
        }
        if (constraint.startsWith(".")) {
            return d.endsWith("." + c);
        }
        return d.equals(c) || d.endsWith("." + c);
    }

    private static String stripDot(String s) {
        String out = s.startsWith(".") ? s.substring(1) : s;
        return out.endsWith(".") ? out.substring(0, out.length() - 1) : out;
    }

    /** URI: the constraint applies to the host part; a leading dot means any host in that domain. */
    private static boolean uriMatches(Cert cert, String constraint, String uri) throws PathFailure {
        String host;
        try {
            host = new URI(uri).getHost();
        } catch (URISyntaxException e) {
            host = null;
        }
        if (host == null) {
            throw new PathFailure(Reason.NAME_CONSTRAINTS, cert, "the URI " + uri + " of " + cert.describe()
                    + " has no host name to check against URI name constraints");
        }
        host = host.toLowerCase(Locale.ROOT);
        String c = constraint.toLowerCase(Locale.ROOT);
        if (c.startsWith(".")) {
            return host.endsWith(c);
        }
        return host.equals(c);
    }

    static boolean ipMatches(byte[] constraint, byte[] address) {
        if (constraint.length != 2 * address.length) {
            return false;
        }
        for (int i = 0; i < address.length; i++) {
            int mask = constraint[address.length + i];
            if ((address[i] & mask) != (constraint[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(GeneralName name) {
        switch (name.getTagNo()) {
            case GeneralName.directoryName:
                return "name \"" + Names.junos(X500Name.getInstance(name.getName())) + "\"";
            case GeneralName.rfc822Name:
                return "e-mail address " + text(name);
            case GeneralName.dNSName:
                return "DNS name " + text(name);
            case GeneralName.uniformResourceIdentifier:
                return "URI " + text(name);
            case GeneralName.iPAddress:
                return "IP address " + ip(ASN1OctetString.getInstance(name.getName()).getOctets());
            default:
                return formName(name.getTagNo()) + " name";
        }
    }

    private static String ip(byte[] octets) {
        StringBuilder s = new StringBuilder();
        if (octets.length == 4 || octets.length == 8) {
            for (int i = 0; i < 4; i++) {
                s.append(i == 0 ? "" : ".").append(octets[i] & 0xff);
            }
            if (octets.length == 8) {
                s.append('/').append(prefixLength(octets, 4));
            }
            return s.toString();
        }
        int half = octets.length >= 32 ? 16 : octets.length;
        for (int i = 0; i < Math.min(16, octets.length); i += 2) {
            s.append(i == 0 ? "" : ":").append(Integer.toHexString(((octets[i] & 0xff) << 8) | (octets[i + 1] & 0xff)));
        }
        if (octets.length == 32) {
            s.append('/').append(prefixLength(octets, half));
        }
        return s.toString();
    }

    private static int prefixLength(byte[] octets, int from) {
        int bits = 0;
        for (int i = from; i < octets.length; i++) {
            bits += Integer.bitCount(octets[i] & 0xff);
        }
        return bits;
    }

    private static String formName(int tag) {
        switch (tag) {
            case GeneralName.otherName:
                return "otherName";
            case GeneralName.x400Address:
                return "x400Address";
            case GeneralName.ediPartyName:
                return "ediPartyName";
            case GeneralName.registeredID:
                return "registeredID";
            default:
                return "tag " + tag;
        }
    }
}
