package org.secplane.pki.internal.cert;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * What {@code generate-certificate-request} and {@code generate-self-signed} put into the request or
 * certificate: the subject, the identities that become the subjectAltName (domain-name → dNSName,
 * ip-address → iPAddress, email → rfc822Name of the certificate holder, pki.md §6.1 #5), the digest and
 * {@code add-ca-constraint} (basicConstraints cA, §6.1 #7). At least one identity is required (§6.1 #6,
 * "You must use a domain-name, an ip-address, or an e-mail address", L1529).
 */
public record RequestParameters(X500Name subject, String domainName, InetAddress ipAddress, String email,
        Signing.Digest digest, boolean addCaConstraint) {

    /** What a user asked for: at least one identity. */
    public static RequestParameters of(X500Name subject, String domainName, InetAddress ipAddress, String email,
            Signing.Digest digest, boolean addCaConstraint) throws PkiException {
        if (domainName == null && ipAddress == null && email == null) {
            throw new PkiException("you must use a domain-name, an ip-address or an email");
        }
        return new RequestParameters(subject, domainName, ipAddress, email, digest, addCaConstraint);
    }

    /** The system-generated certificate: only a subject (pki.md §4.13). */
    static RequestParameters system(X500Name subject) {
        return new RequestParameters(subject, null, null, null, Signing.Digest.SHA256, false);
    }

    boolean hasAlternativeNames() {
        return domainName != null || ipAddress != null || email != null;
    }

    /** The subjectAltName: e-mail, domain name, IP address, in that order. */
    GeneralNames alternativeNames() {
        List<GeneralName> names = new ArrayList<>();
        if (email != null) {
            names.add(new GeneralName(GeneralName.rfc822Name, email));
        }
        if (domainName != null) {
            names.add(new GeneralName(GeneralName.dNSName, domainName));
        }
        if (ipAddress != null) {
            names.add(new GeneralName(GeneralName.iPAddress, ipAddress.getHostAddress()));
        }
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }
}
