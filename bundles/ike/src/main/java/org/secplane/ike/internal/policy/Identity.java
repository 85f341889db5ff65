package org.secplane.ike.internal.policy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.IdPayload;

/**
 * An IKE identity as configured ({@code local-identity}, {@code remote-identity}, {@code dynamic}): an
 * address, a host name (ID_FQDN), an e-mail address (ID_RFC822_ADDR) or a distinguished name, exact or a
 * {@code container}/{@code wildcard} pattern.
 */
public final class Identity {

    public enum Kind { IPV4, IPV6, FQDN, EMAIL, DN, DN_PATTERN, LOCAL_CERTIFICATE_DN }

    public final Kind kind;
    /** As configured ({@code branch_natt1@juniper.net}, {@code 1.1.1.2}, {@code CN=a,O=b}). */
    public final String text;
    private final byte[] wire;
    private final String container;
    private final String wildcard;

    private Identity(Kind kind, String text, byte[] wire, String container, String wildcard) {
        this.kind = kind;
        this.text = text;
        this.wire = wire;
        this.container = container;
        this.wildcard = wildcard;
    }

    public static Identity address(InetAddress address) {
        return new Identity(address.getAddress().length == 4 ? Kind.IPV4 : Kind.IPV6, address.getHostAddress(),
                address.getAddress(), null, null);
    }

    public static Identity fqdn(String name) {
        return new Identity(Kind.FQDN, name, name.getBytes(StandardCharsets.US_ASCII), null, null);
    }

    public static Identity email(String address) {
        return new Identity(Kind.EMAIL, address, address.getBytes(StandardCharsets.US_ASCII), null, null);
    }

    /** An exact distinguished name ({@code CN=gw1, O=Example}). */
    public static Identity dn(String name) {
        X500Principal p = new X500Principal(name);
        return new Identity(Kind.DN, p.getName(X500Principal.RFC2253), p.getEncoded(), null, null);
    }

    /** {@code distinguished-name { container C; wildcard W; }}: either or both may be {@code null}. */
    public static Identity dnPattern(String container, String wildcard) {
        String text = "container=" + (container == null ? "" : container) + ", wildcard=" + (wildcard == null ? "" : wildcard);
        return new Identity(Kind.DN_PATTERN, text, null, container, wildcard);
    }

    /** {@code local-identity distinguished-name}: the subject of the local certificate, filled in at use. */
    public static Identity localCertificateDn() {
        return new Identity(Kind.LOCAL_CERTIFICATE_DN, "distinguished-name", null, null, null);
    }

    /** The ID payload for this identity ({@code payloadType} IDi or IDr). */
    public IdPayload toPayload(int payloadType) {
        switch (kind) {
            case IPV4: return new IdPayload(payloadType, Ike.ID_IPV4_ADDR, wire.clone());
            case IPV6: return new IdPayload(payloadType, Ike.ID_IPV6_ADDR, wire.clone());
            case FQDN: return new IdPayload(payloadType, Ike.ID_FQDN, wire.clone());
            case EMAIL: return new IdPayload(payloadType, Ike.ID_RFC822_ADDR, wire.clone());
            case DN: return new IdPayload(payloadType, Ike.ID_DER_ASN1_DN, wire.clone());
            default: throw new IllegalStateException(kind + " identities are not sent");
        }
    }

    /** Whether the peer's ID payload is this identity (or matches this pattern). */
    public boolean matches(IdPayload id) {
        if (id == null) {
            return false;
        }
        switch (kind) {
            case IPV4: return id.idType == Ike.ID_IPV4_ADDR && Arrays.equals(wire, id.data);
            case IPV6: return id.idType == Ike.ID_IPV6_ADDR && Arrays.equals(wire, id.data);
            case FQDN: return id.idType == Ike.ID_FQDN && text.equalsIgnoreCase(ascii(id.data));
            case EMAIL: return id.idType == Ike.ID_RFC822_ADDR && text.equalsIgnoreCase(ascii(id.data));
            case DN: return id.idType == Ike.ID_DER_ASN1_DN && sameDn(wire, id.data);
            case DN_PATTERN: return id.idType == Ike.ID_DER_ASN1_DN && matchesPattern(id.data);
            default: return false;
        }
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    static boolean sameDn(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return true;
        }
        try {
            return new X500Principal(a).equals(new X500Principal(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * {@code container}: the configured RDNs appear in the peer's DN in the same order (not necessarily
     * adjacent). {@code wildcard}: every configured RDN is in the peer's DN; a value {@code *} or empty matches
     * any value of that attribute.
     */
    private boolean matchesPattern(byte[] der) {
        List<Rdn> peer;
        try {
            peer = rdns(new X500Principal(der).getName(X500Principal.RFC2253));
        } catch (IllegalArgumentException | InvalidNameException e) {
            return false;
        }
        try {
            if (container != null && !container.isBlank()) {
                List<Rdn> wanted = rdns(container);
                int at = 0;
                for (Rdn w : wanted) {
                    while (at < peer.size() && !sameRdn(peer.get(at), w)) {
                        at++;
                    }
                    if (at == peer.size()) {
                        return false;
                    }
                    at++;
                }
            }
            if (wildcard != null && !wildcard.isBlank()) {
                for (String part : wildcard.split(",")) {
                    String p = part.trim();
                    if (p.isEmpty()) {
                        continue;
                    }
                    int eq = p.indexOf('=');
                    String type = (eq < 0 ? p : p.substring(0, eq)).trim();
                    String value = eq < 0 ? "" : p.substring(eq + 1).trim();
                    boolean found = false;
                    for (Rdn r : peer) {
                        if (r.getType().equalsIgnoreCase(type)
                                && (value.isEmpty() || value.equals("*") || String.valueOf(r.getValue()).equalsIgnoreCase(value))) {
                            found = true;
                            break;
                        }
                    }
                    if (!found) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InvalidNameException e) {
            return false;
        }
    }

    private static boolean sameRdn(Rdn a, Rdn b) {
        return a.getType().equalsIgnoreCase(b.getType()) && String.valueOf(a.getValue()).equalsIgnoreCase(String.valueOf(b.getValue()));
    }

    /** The RDNs in written order (LdapName lists them last-first). */
    private static List<Rdn> rdns(String name) throws InvalidNameException {
        List<Rdn> list = new ArrayList<>(new LdapName(name).getRdns());
        java.util.Collections.reverse(list);
        return list;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Identity)) {
            return false;
        }
        Identity i = (Identity) o;
        return kind == i.kind && text.toLowerCase(Locale.ROOT).equals(i.text.toLowerCase(Locale.ROOT));
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, text.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return text;
    }
}
