package org.secplane.ike.internal.task;

import java.util.ArrayList;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.ike.internal.keys.Algorithms;
import org.secplane.ike.internal.keys.IkeKeys;
import org.secplane.ike.internal.keys.IkeSuite;
import org.secplane.ike.internal.keys.SkProtector;
import org.secplane.ike.internal.message.CertPayload;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.KePayload;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NoncePayload;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.message.Proposal;
import org.secplane.ike.internal.message.SaPayload;
import org.secplane.ike.internal.message.Transform;
import org.secplane.ike.internal.policy.IkeProposalSpec;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.IkeSaState;

/**
 * ike-init: the SA, KE and nonce of IKE_SA_INIT, the COOKIE answer (ike-cookie, RFC 7296 §2.6), the
 * INVALID_KE_PAYLOAD retry in the group the responder asks for (§1.2), FRAGMENTATION_SUPPORTED (RFC 7383)
 * and SIGNATURE_HASH_ALGORITHMS (RFC 7427); derives the IKE SA's keys.
 */
public final class IkeInitTask extends Task {

    private static final int MAX_RETRIES = 3;

    private Algorithm group;
    private byte[] cookie;
    private int retries;
    private IkeProposalSpec chosen;
    private Proposal chosenWire;

    public IkeInitTask(IkeSa sa) {
        super(sa);
    }

    @Override
    public int exchange() {
        return Ike.IKE_SA_INIT;
    }

    @Override
    public String describe() {
        return "IKE_SA_INIT";
    }

    // ------------------------------------------------------------------ initiator

    @Override
    public Status build(Message m) {
        List<IkeProposalSpec> specs = sa.peer.proposals;
        if (specs.isEmpty()) {
            return fail("gateway " + sa.gateway + " has no IKE proposals");
        }
        if (group == null) {
            group = specs.get(0).dh;
        }
        if (sa.keyExchange == null) {
            sa.keyExchange = host.keyExchange(group);
        }
        if (sa.ni == null) {
            sa.ni = host.random().bytes(host.settings().nonceSize);
        }
        sa.state = IkeSaState.CONNECTING;
        if (cookie != null) {
            m.add(NotifyPayload.of(Ike.COOKIE, cookie));
        }
        List<Proposal> proposals = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            proposals.add(specs.get(i).toWire(i + 1, new byte[0]));
        }
        m.add(new SaPayload(proposals));
        m.add(new KePayload(group.group(), sa.keyExchange.publicValue()));
        m.add(new NoncePayload(sa.ni));
        addCapabilities(m);
        return Status.SUCCESS;
    }

    private void addCapabilities(Message m) {
        m.add(NotifyPayload.of(Ike.IKEV2_FRAGMENTATION_SUPPORTED));
        if (sa.peer.authMethod.signatures() && host.settings().signatureHashes.length > 0) {
            int[] hashes = host.settings().signatureHashes;
            byte[] data = new byte[hashes.length * 2];
            for (int i = 0; i < hashes.length; i++) {
                data[2 * i] = (byte) (hashes[i] >>> 8);
                data[2 * i + 1] = (byte) hashes[i];
            }
            m.add(NotifyPayload.of(Ike.SIGNATURE_HASH_ALGORITHMS, data));
        }
    }

    @Override
    public Status process(Message r) {
        NotifyPayload c = r.notify(Ike.COOKIE);
        if (c != null) {
            if (++retries > MAX_RETRIES || c.data.length < 1 || c.data.length > 64) {
                return fail("responder keeps asking for a cookie");
            }
            cookie = c.data;
            org.slf4j.LoggerFactory.getLogger(IkeInitTask.class).info(
                    "IKE SA {} to gateway {}: the responder asks for a cookie (RFC 7296 2.6); sending IKE_SA_INIT again with it",
                    sa.index, sa.gateway);
            return Status.NEED_MORE;
        }
        NotifyPayload invalidKe = r.notify(Ike.INVALID_KE_PAYLOAD);
        if (invalidKe != null) {
            int wanted = invalidKe.data.length == 2 ? ((invalidKe.data[0] & 0xFF) << 8) | (invalidKe.data[1] & 0xFF) : -1;
            Algorithm wantedGroup = Algorithms.group(wanted);
            boolean configured = false;
            for (IkeProposalSpec s : sa.peer.proposals) {
                configured |= s.dh == wantedGroup;
            }
            if (!configured || wantedGroup == group || ++retries > MAX_RETRIES) {
                return fail("responder wants DH group " + wanted + ", which is not configured for gateway " + sa.gateway);
            }
            group = wantedGroup;
            sa.keyExchange.close();
            sa.keyExchange = null;
            return Status.NEED_MORE;
        }
        NotifyPayload error = r.firstError();
        if (error != null) {
            return fail("peer answered IKE_SA_INIT with " + Ike.notifyName(error.notifyType));
        }
        SaPayload saPayload = r.sa();
        KePayload ke = r.ke();
        NoncePayload nonce = r.nonce();
        if (saPayload == null || ke == null || nonce == null || r.spiR == 0) {
            return fail("IKE_SA_INIT response without SA, KE or nonce");
        }
        if (saPayload.proposals.size() != 1) {
            return fail("IKE_SA_INIT response with " + saPayload.proposals.size() + " proposals");
        }
        Proposal p = saPayload.proposals.get(0);
        IkeProposalSpec spec = null;
        for (IkeProposalSpec s : sa.peer.proposals) {
            if (s.matches(p, false) && single(p)) {
                spec = s;
                break;
            }
        }
        if (spec == null) {
            return fail("responder chose a proposal that was not offered");
        }
        if (spec.dh != group || ke.group != group.group()) {
            return fail("responder's KE is in group " + ke.group + ", not " + group.group());
        }
        sa.spiR = r.spiR;
        sa.nr = nonce.nonce;
        sa.initResponse = java.util.Arrays.copyOf(r.raw, r.rawLength);
        readCapabilities(r);
        Status s = derive(spec, ke.data);
        if (s == Status.SUCCESS) {
            host.spisKnown(sa);
            sa.state = IkeSaState.AUTHENTICATING;
        }
        return s;
    }

    /** Exactly one transform of each type that occurs. */
    private static boolean single(Proposal p) {
        int seen = 0;
        for (Transform t : p.transforms) {
            int bit = 1 << t.type;
            if ((seen & bit) != 0) {
                return false;
            }
            seen |= bit;
        }
        return true;
    }

    private void readCapabilities(Message r) {
        sa.peerFragmentation = r.notify(Ike.IKEV2_FRAGMENTATION_SUPPORTED) != null;
        NotifyPayload hashes = r.notify(Ike.SIGNATURE_HASH_ALGORITHMS);
        if (hashes != null) {
            int n = hashes.data.length / 2;
            int[] h = new int[n];
            for (int i = 0; i < n; i++) {
                h[i] = ((hashes.data[2 * i] & 0xFF) << 8) | (hashes.data[2 * i + 1] & 0xFF);
            }
            sa.peerHashAlgorithms = h;
        }
        for (CertPayload req : r.<CertPayload>all(Ike.CERTREQ)) {
            sa.peerCertificateRequests.add(req.data);
        }
    }

    private Status derive(IkeProposalSpec spec, byte[] peerPublic) {
        byte[] secret;
        try {
            if (peerPublic.length != group.publicValueSize()) {
                return fail("KE payload of " + peerPublic.length + " bytes for group " + group.group());
            }
            secret = sa.keyExchange.sharedSecret(peerPublic);
        } catch (CryptoException | IllegalArgumentException e) {
            return fail("peer's key exchange value is invalid: " + e.getMessage());
        } finally {
            sa.keyExchange.close();
            sa.keyExchange = null;
        }
        IkeSuite suite = new IkeSuite(spec.encryption, spec.integrity, spec.prf, spec.dh);
        org.secplane.crypto.Prf prf = host.crypto().prf(spec.prf);
        byte[] skeyseed = IkeKeys.skeyseed(prf, sa.ni, sa.nr, secret);
        java.util.Arrays.fill(secret, (byte) 0);
        installKeys(sa, suite, IkeKeys.derive(prf, suite, skeyseed, sa.ni, sa.nr, sa.spiI, sa.spiR));
        java.util.Arrays.fill(skeyseed, (byte) 0);
        sa.chosenProposal = spec;
        sa.suite = suite;
        return Status.SUCCESS;
    }

    /** Sets an IKE SA's keys and SK protection by its role. */
    static void installKeys(IkeSa target, IkeSuite suite, IkeKeys keys) {
        target.suite = suite;
        target.keys = keys;
        boolean i = target.initiator;
        target.outbound = new SkProtector(target.host.crypto(), suite, i ? keys.skEi : keys.skEr, i ? keys.skAi : keys.skAr,
                target.host.random());
        target.inbound = new SkProtector(target.host.crypto(), suite, i ? keys.skEr : keys.skEi, i ? keys.skAr : keys.skAi,
                target.host.random());
    }

    // ------------------------------------------------------------------ responder

    @Override
    public Status processRequest(Message m) {
        SaPayload saPayload = m.sa();
        KePayload ke = m.ke();
        NoncePayload nonce = m.nonce();
        sa.state = IkeSaState.CONNECTING;
        if (saPayload == null || ke == null || nonce == null) {
            fatal = NotifyPayload.of(Ike.INVALID_SYNTAX);
            return fail("IKE_SA_INIT request without SA, KE or nonce");
        }
        // prefer a proposal whose group is the KE's, in our order of preference
        for (IkeProposalSpec spec : sa.peer.proposals) {
            for (Proposal p : saPayload.proposals) {
                if (spec.dh.group() == ke.group && spec.matches(p, false)) {
                    chosen = spec;
                    chosenWire = p;
                    break;
                }
            }
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            for (IkeProposalSpec spec : sa.peer.proposals) {
                for (Proposal p : saPayload.proposals) {
                    if (spec.matches(p, false)) {
                        fatal = NotifyPayload.of(Ike.INVALID_KE_PAYLOAD,
                                new byte[] {(byte) (spec.dh.group() >>> 8), (byte) spec.dh.group()});
                        return fail("initiator's KE is in group " + ke.group + ", asked for group " + spec.dh.group());
                    }
                }
            }
            fatal = NotifyPayload.of(Ike.NO_PROPOSAL_CHOSEN);
            String reason = "no IKE proposal of gateway " + sa.gateway + " matches the initiator's";
            host.authenticationFailed(sa, reason);
            return fail(reason);
        }
        group = chosen.dh;
        sa.ni = nonce.nonce;
        sa.nr = host.random().bytes(host.settings().nonceSize);
        sa.initRequest = java.util.Arrays.copyOf(m.raw, m.rawLength);
        readCapabilities(m);
        sa.keyExchange = host.keyExchange(group);
        ourPublic = sa.keyExchange.publicValue();
        Status s = derive(chosen, ke.data);
        if (s != Status.SUCCESS) {
            fatal = NotifyPayload.of(Ike.INVALID_SYNTAX);
        }
        return s;
    }

    @Override
    public Status buildResponse(Message r) {
        List<Proposal> one = new ArrayList<>(1);
        one.add(chosen.toWire(chosenWire.number, new byte[0]));
        r.add(new SaPayload(one));
        r.add(new KePayload(group.group(), ourPublic));
        r.add(new NoncePayload(sa.nr));
        addCapabilities(r);
        if (sa.peer.authMethod.signatures()) {
            IkeCertTask.addRequests(sa, r);
        }
        sa.state = IkeSaState.AUTHENTICATING;
        return Status.SUCCESS;
    }

    private byte[] ourPublic;
}
