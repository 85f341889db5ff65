package org.secplane.ike.internal.auth;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.IdPayload;

/** Whether an IKE identity is one the certificate vouches for (subject DN or a subjectAltName). */
public final class CertificateIdentities {

    private static final int SAN_RFC822 = 1;
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateIdentities() {
    }

    public static boolean contains(X509Certificate certificate, IdPayload id) {
        try {
            switch (id.idType) {
                case Ike.ID_DER_ASN1_DN:
                    return certificate.getSubjectX500Principal().equals(new X500Principal(id.data));
                case Ike.ID_FQDN:
                    return san(certificate, SAN_DNS, new String(id.data, StandardCharsets.US_ASCII));
                case Ike.ID_RFC822_ADDR:
                    return san(certificate, SAN_RFC822, new String(id.data, StandardCharsets.US_ASCII));
                case Ike.ID_IPV4_ADDR:
                case Ike.ID_IPV6_ADDR: {
                    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
                    if (names == null) {
                        return false;
                    }
                    InetAddress wanted = InetAddress.getByAddress(id.data);
                    for (List<?> n : names) {
                        if (((Integer) n.get(0)) == SAN_IP && InetAddress.getByName((String) n.get(1)).equals(wanted)) {
                            return true;
                        }
                    }
                    return false;
                }
                default:
                    return false;
            }
        } catch (CertificateParsingException | java.net.UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean san(X509Certificate certificate, int type, String value) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return false;
        }
        for (List<?> n : names) {
            if (((Integer) n.get(0)) == type && value.equalsIgnoreCase((String) n.get(1))) {
                return true;
            }
        }
        return false;
    }
}
