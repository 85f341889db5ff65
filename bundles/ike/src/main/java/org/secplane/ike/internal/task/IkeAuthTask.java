package org.secplane.ike.internal.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.secplane.crypto.Prf;
import org.secplane.ike.internal.auth.CertificateIdentities;
import org.secplane.ike.internal.auth.LocalCredential;
import org.secplane.ike.internal.auth.PeerCertificateValidator;
import org.secplane.ike.internal.auth.Signatures;
import org.secplane.ike.internal.keys.PrfPlus;
import org.secplane.ike.internal.message.AuthPayload;
import org.secplane.ike.internal.message.IdPayload;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.policy.Identity;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.IkeSaState;

/**
 * ike-auth: IDi/IDr and AUTH of IKE_AUTH (RFC 7296 §2.15): pre-shared keys, or digital signatures with the
 * certificates of ike-cert; the peer's identity is checked against {@code remote-identity} (D-23) and, with
 * certificates, against the certificate. A failure keeps a clear reason.
 */
public final class IkeAuthTask extends Task {

    private static final byte[] KEY_PAD = "Key Pad for IKEv2".getBytes(StandardCharsets.US_ASCII);

    private boolean initialContact;

    public IkeAuthTask(IkeSa sa) {
        super(sa);
    }

    @Override
    public int exchange() {
        return Ike.IKE_AUTH;
    }

    @Override
    public String describe() {
        return "IKE_AUTH";
    }

    // ------------------------------------------------------------------ initiator

    @Override
    public Status build(Message m) {
        LocalCredential credential = null;
        if (sa.peer.authMethod.signatures()) {
            credential = host.credentials().credential(sa.peer.localCertificate);
            if (credential == null) {
                return failAuth("local certificate '" + sa.peer.localCertificate + "' is not available");
            }
        }
        sa.localId = localIdentity(sa, credential, Ike.IDI);
        m.add(sa.localId);
        if (credential != null) {
            String problem = IkeCertTask.addCertificates(m, credential);
            if (problem != null) {
                return failAuth(problem);
            }
        }
        if (host.settings().sendInitialContact && host.sameIdentities(sa).isEmpty() && !host.othersNegotiatingWith(sa)) {
            m.add(NotifyPayload.of(Ike.INITIAL_CONTACT));
        }
        if (sa.peer.authMethod.signatures()) {
            IkeCertTask.addRequests(sa, m);
        }
        Identity remote = sa.peer.remoteIdentity;
        if (remote != null && remote.kind != Identity.Kind.DN_PATTERN) {
            m.add(remote.toPayload(Ike.IDR));
        }
        byte[] octets = signedOctets(sa.initRequest, sa.nr, sa.keys.skPi, sa.localId);
        AuthPayload auth = makeAuth(credential, octets);
        if (auth == null) {
            return Status.FAILED;
        }
        m.add(auth);
        return Status.SUCCESS;
    }

    @Override
    public Status process(Message r) {
        NotifyPayload error = r.firstError();
        if (error != null && (error.notifyType == Ike.AUTHENTICATION_FAILED || r.first(Ike.AUTH) == null)) {
            return failAuth("peer answered IKE_AUTH with " + Ike.notifyName(error.notifyType)
                    + (error.notifyType == Ike.AUTHENTICATION_FAILED ? " (pre-shared key, identity or certificate rejected by the peer)" : ""));
        }
        IdPayload idr = (IdPayload) r.first(Ike.IDR);
        AuthPayload auth = (AuthPayload) r.first(Ike.AUTH);
        if (idr == null || auth == null) {
            return failAuth("IKE_AUTH response without IDr or AUTH");
        }
        String problem = checkPeer(idr, auth, r, signedOctets(sa.initResponse, sa.ni, sa.keys.skPr, idr));
        if (problem != null) {
            return failAuth(problem);
        }
        sa.peerId = idr;
        established();
        return Status.SUCCESS;
    }

    // ------------------------------------------------------------------ responder

    @Override
    public Status processRequest(Message m) {
        IdPayload idi = (IdPayload) m.first(Ike.IDI);
        AuthPayload auth = (AuthPayload) m.first(Ike.AUTH);
        if (idi == null || auth == null) {
            fatal = NotifyPayload.of(Ike.AUTHENTICATION_FAILED);
            return failAuth("IKE_AUTH request without IDi or AUTH (EAP is not supported)");
        }
        String problem = checkPeer(idi, auth, m, signedOctets(sa.initRequest, sa.nr, sa.keys.skPi, idi));
        if (problem != null) {
            fatal = NotifyPayload.of(Ike.AUTHENTICATION_FAILED);
            return failAuth(problem);
        }
        sa.peerId = idi;
        initialContact = m.notify(Ike.INITIAL_CONTACT) != null;
        return Status.SUCCESS;
    }

    @Override
    public Status buildResponse(Message r) {
        LocalCredential credential = null;
        if (sa.peer.authMethod.signatures()) {
            credential = host.credentials().credential(sa.peer.localCertificate);
            if (credential == null) {
                fatal = NotifyPayload.of(Ike.AUTHENTICATION_FAILED);
                r.payloads.clear();
                r.add(fatal);
                return failAuth("local certificate '" + sa.peer.localCertificate + "' is not available");
            }
        }
        sa.localId = localIdentity(sa, credential, Ike.IDR);
        r.add(sa.localId);
        if (credential != null) {
            String problem = IkeCertTask.addCertificates(r, credential);
            if (problem != null) {
                fatal = NotifyPayload.of(Ike.AUTHENTICATION_FAILED);
                r.payloads.clear();
                r.add(fatal);
                return failAuth(problem);
            }
        }
        AuthPayload auth = makeAuth(credential, signedOctets(sa.initResponse, sa.ni, sa.keys.skPr, sa.localId));
        if (auth == null) {
            fatal = NotifyPayload.of(Ike.AUTHENTICATION_FAILED);
            r.payloads.clear();
            r.add(fatal);
            return Status.FAILED;
        }
        r.add(auth);
        established();
        return Status.SUCCESS;
    }

    @Override
    public void afterResponse() {
        if (initialContact && sa.established()) {
            for (IkeSa other : host.sameIdentities(sa)) {
                // only what the peer may have lost: SAs up before this one's negotiation began. One that came up
                // meanwhile is the peer's too (an initiator bringing up several at once may claim each is the only one)
                if (other.establishedMillis < sa.createdMillis) {
                    host.destroyLater(other, "replaced: the peer sent INITIAL_CONTACT");
                }
            }
        }
    }

    private void established() {
        sa.state = IkeSaState.ESTABLISHED;
        sa.authMethodDisplay = sa.peer.authMethod.display();
        sa.keys.wipeAuthentication();
        sa.initRequest = null;
        sa.initResponse = null;
        host.established(sa);
    }

    // ------------------------------------------------------------------ both

    static IdPayload localIdentity(IkeSa sa, LocalCredential credential, int payloadType) {
        Identity id = sa.peer.localIdentity;
        if (id == null) {
            java.net.InetAddress address = sa.peer.localAddress != null ? sa.peer.localAddress : sa.local.getAddress();
            return Identity.address(address).toPayload(payloadType);
        }
        if (id.kind == Identity.Kind.LOCAL_CERTIFICATE_DN) {
            X509Certificate c = credential != null ? credential.certificate() : null;
            if (c == null) {
                java.net.InetAddress address = sa.peer.localAddress != null ? sa.peer.localAddress : sa.local.getAddress();
                return Identity.address(address).toPayload(payloadType);
            }
            return new IdPayload(payloadType, Ike.ID_DER_ASN1_DN, c.getSubjectX500Principal().getEncoded());
        }
        return id.toPayload(payloadType);
    }

    /** RealMessage | Nonce | prf(SK_p, RestOfIDPayload) (RFC 7296 §2.15). */
    private byte[] signedOctets(byte[] message, byte[] nonce, byte[] skP, IdPayload id) {
        Prf prf = host.crypto().prf(sa.suite.prf);
        byte[] maced = prf.compute(skP, id.body());
        return PrfPlus.concat(message, nonce, maced);
    }

    private AuthPayload makeAuth(LocalCredential credential, byte[] octets) {
        if (!sa.peer.authMethod.signatures()) {
            byte[] value = pskAuth(octets);
            if (value == null) {
                failAuth("no pre-shared key is configured (or it cannot be opened) for gateway " + sa.gateway);
                return null;
            }
            return new AuthPayload(Ike.AUTH_PSK, value);
        }
        try {
            return Signatures.sign(credential, sa.peerHashAlgorithms, octets);
        } catch (Signatures.SignatureException e) {
            failAuth(e.getMessage());
            return null;
        }
    }

    /** prf(prf(Shared Secret, "Key Pad for IKEv2"), octets); the secret is zeroed at once. */
    private byte[] pskAuth(byte[] octets) {
        if (sa.peer.preSharedKey == null) {
            return null;
        }
        byte[] secret;
        try {
            secret = sa.peer.preSharedKey.open();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(IkeAuthTask.class).warn("gateway {}: the pre-shared key cannot be opened: {}",
                    sa.gateway, e.getMessage());
            return null;
        }
        if (secret == null) {
            return null;
        }
        Prf prf = host.crypto().prf(sa.suite.prf);
        byte[] key = prf.compute(secret, KEY_PAD);
        Arrays.fill(secret, (byte) 0);
        byte[] value = prf.compute(key, octets);
        Arrays.fill(key, (byte) 0);
        return value;
    }

    /** Checks the peer's identity and AUTH; returns the failure reason or {@code null}. */
    private String checkPeer(IdPayload id, AuthPayload auth, Message m, byte[] octets) {
        PeerConfig peer = sa.peer;
        String who = "peer " + sa.remote.getAddress().getHostAddress() + " (" + id.display() + ")";
        if (peer.remoteIdentity != null && !peer.generalIkeId && !peer.remoteIdentity.matches(id)) {
            return "peer identity " + id.display() + " does not match remote-identity " + peer.remoteIdentity.text
                    + " of gateway " + sa.gateway;
        }
        if (peer.dynamicIdentity != null && !peer.generalIkeId && !peer.dynamicIdentity.matches(id)) {
            return "peer identity " + id.display() + " does not match the dynamic identity of gateway " + sa.gateway;
        }
        if (!peer.authMethod.signatures()) {
            if (auth.method != Ike.AUTH_PSK) {
                return who + " authenticated with method " + auth.method + "; gateway " + sa.gateway + " uses pre-shared keys";
            }
            byte[] expected = pskAuth(octets);
            if (expected == null) {
                return "no pre-shared key is configured (or it cannot be opened) for gateway " + sa.gateway;
            }
            boolean ok = MessageDigest.isEqual(expected, auth.data);
            Arrays.fill(expected, (byte) 0);
            return ok ? null : "pre-shared key mismatch: the AUTH payload of " + who + " does not verify";
        }
        if (auth.method == Ike.AUTH_PSK) {
            return who + " authenticated with a pre-shared key; gateway " + sa.gateway + " uses " + peer.authMethod.display();
        }
        String problem = IkeCertTask.collect(sa, m);
        if (problem != null) {
            return problem;
        }
        if (sa.peerCertificates.isEmpty()) {
            return who + " sent no certificate";
        }
        X509Certificate endEntity = sa.peerCertificates.get(0);
        PeerCertificateValidator.Result result = host.validator().validate(sa.peerCertificates, sa.gateway, peer.trustedCa);
        if (!result.isValid()) {
            return "peer certificate " + endEntity.getSubjectX500Principal().getName() + " rejected: " + result.reason();
        }
        if (!CertificateIdentities.contains(endEntity, id)) {
            return "peer identity " + id.display() + " is not in its certificate " + endEntity.getSubjectX500Principal().getName();
        }
        try {
            Signatures.verify(host.crypto(), auth, endEntity.getPublicKey(), octets);
        } catch (Signatures.SignatureException e) {
            return who + ": " + e.getMessage();
        }
        return null;
    }

    private Status failAuth(String why) {
        reason = why;
        host.authenticationFailed(sa, why);
        return Status.FAILED;
    }
}
