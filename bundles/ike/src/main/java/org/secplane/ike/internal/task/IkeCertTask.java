package org.secplane.ike.internal.task;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.secplane.ike.internal.auth.LocalCredential;
import org.secplane.ike.internal.message.CertPayload;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.sa.IkeSa;

/**
 * ike-cert: CERT and CERTREQ payloads (RFC 7296 §3.6, §3.7): the local certificate and its chain out, the
 * peer's in; CERTREQ carries the SHA-1 hashes of the trusted CAs' public keys, concatenated.
 */
final class IkeCertTask {

    private IkeCertTask() {
    }

    static String addCertificates(Message m, LocalCredential credential) {
        try {
            m.add(new CertPayload(false, Ike.CERT_X509_SIGNATURE, credential.certificate().getEncoded()));
            for (X509Certificate c : credential.chain()) {
                m.add(new CertPayload(false, Ike.CERT_X509_SIGNATURE, c.getEncoded()));
            }
            return null;
        } catch (CertificateEncodingException e) {
            return "local certificate cannot be encoded: " + e.getMessage();
        }
    }

    static void addRequests(IkeSa sa, Message m) {
        List<byte[]> hashes = sa.host.validator().certificateAuthorityKeyHashes(sa.peer.trustedCa);
        if (hashes.isEmpty()) {
            return;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(20 * hashes.size());
        for (byte[] h : hashes) {
            all.writeBytes(h);
        }
        m.add(new CertPayload(true, Ike.CERT_X509_SIGNATURE, all.toByteArray()));
    }

    /** Reads the peer's CERT payloads into the SA; returns why they cannot be used, or {@code null}. */
    static String collect(IkeSa sa, Message m) {
        sa.peerCertificates.clear();
        for (CertPayload req : m.<CertPayload>all(Ike.CERTREQ)) {
            sa.peerCertificateRequests.add(req.data);
        }
        List<CertPayload> certs = m.all(Ike.CERT);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (CertPayload c : certs) {
                if (c.encoding != Ike.CERT_X509_SIGNATURE) {
                    return "certificate encoding " + c.encoding + " is not supported";
                }
                sa.peerCertificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(c.data)));
            }
        } catch (CertificateException | ClassCastException e) {
            return "peer certificate cannot be parsed";
        }
        return null;
    }
}
