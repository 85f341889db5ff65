package org.secplane.ike.internal.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.KeyExchange;
import org.secplane.crypto.Prf;
import org.secplane.ike.internal.keys.IkeKeys;
import org.secplane.ike.internal.keys.IkeSuite;
import org.secplane.ike.internal.keys.PrfPlus;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.KePayload;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NoncePayload;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.message.Proposal;
import org.secplane.ike.internal.message.SaPayload;
import org.secplane.ike.internal.policy.IkeProposalSpec;
import org.secplane.ike.internal.sa.ChildSaRecord;
import org.secplane.ike.internal.sa.ChildSaRecord.Nonces;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ike.internal.sa.IkeSaState;

/**
 * ike-rekey: CREATE_CHILD_SA with an IKE proposal, a nonce and a KE (RFC 7296 §1.3.2, §2.18). The new IKE SA's
 * SKEYSEED = prf_old(SK_d old, g^ir new | Ni | Nr); its initiator is the rekey's initiator; the CHILD SAs move
 * to it and the old SA is deleted by the rekey's initiator. Simultaneous rekeys (§2.8.2): the new SA made
 * with the lowest nonce is redundant and deleted by its initiator; the other side's initiator deletes the old.
 */
public final class IkeRekeyTask extends Task {

    private long newSpi;
    private byte[] ni;
    private byte[] nr;
    private KeyExchange ke;
    private byte[] ourPublic;
    private IkeProposalSpec spec;
    private Proposal chosenWire;
    private NotifyPayload error;
    private IkeSa created;
    /** While ours is in flight: the IKE SA we made answering the peer's rekey of the same SA. */
    IkeSa collidingPeerSa;

    public IkeRekeyTask(IkeSa sa) {
        super(sa);
    }

    @Override
    public int exchange() {
        return Ike.CREATE_CHILD_SA;
    }

    @Override
    public String describe() {
        return "CREATE_CHILD_SA (IKE rekey)";
    }

    @Override
    public Status build(Message m) {
        if (sa.state != IkeSaState.ESTABLISHED) {
            return fail("IKE SA is " + sa.state);
        }
        newSpi = host.allocateIkeSpi();
        List<IkeProposalSpec> specs = ordered();
        List<Proposal> proposals = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            proposals.add(specs.get(i).toWire(i + 1, PrfPlus.spiBytes(newSpi)));
        }
        m.add(new SaPayload(proposals));
        ni = host.random().bytes(host.settings().nonceSize);
        m.add(new NoncePayload(ni));
        Algorithm group = specs.get(0).dh;
        ke = host.keyExchange(group);
        m.add(new KePayload(group.group(), ke.publicValue()));
        return Status.SUCCESS;
    }

    /** The configured proposals, the one in use first. */
    private List<IkeProposalSpec> ordered() {
        List<IkeProposalSpec> specs = new ArrayList<>(sa.peer.proposals);
        if (sa.chosenProposal != null && specs.remove(sa.chosenProposal)) {
            specs.add(0, sa.chosenProposal);
        }
        return specs;
    }

    @Override
    public Status process(Message r) {
        try {
            NotifyPayload err = r.firstError();
            if (err != null) {
                if (err.notifyType == Ike.TEMPORARY_FAILURE) {
                    host.schedule(sa, host.settings().rekeyRetryMillis, () -> {
                        if (sa.state == IkeSaState.ESTABLISHED) {
                            sa.tasks.queue(new IkeRekeyTask(sa));
                            sa.tasks.initiate();
                        }
                    });
                }
                return fail("peer answered the IKE rekey with " + Ike.notifyName(err.notifyType));
            }
            SaPayload s = r.sa();
            NoncePayload nonce = r.nonce();
            KePayload k = r.ke();
            if (s == null || nonce == null || k == null || s.proposals.size() != 1) {
                return fail("IKE rekey response without SA, nonce or KE");
            }
            Proposal p = s.proposals.get(0);
            for (IkeProposalSpec candidate : sa.peer.proposals) {
                if (candidate.matches(p, false)) {
                    spec = candidate;
                    break;
                }
            }
            if (spec == null || p.spi.length != 8 || p.spiValue() == 0 || k.group != spec.dh.group()
                    || spec.dh != ke.algorithm()) {
                return fail("IKE rekey response with a proposal or KE that was not offered");
            }
            nr = nonce.nonce;
            byte[] secret = ke.sharedSecret(k.data);
            created = host.rekeyedIkeSa(sa, true, newSpi, p.spiValue());
            derive(created, spec, secret, ni, nr);
            resolve();
            return Status.SUCCESS;
        } catch (CryptoException | IllegalArgumentException e) {
            return fail("peer's key exchange value is invalid: " + e.getMessage());
        } finally {
            closeKe();
        }
    }

    private void resolve() {
        IkeSa peerSa = collidingPeerSa;
        host.established(created);
        if (peerSa != null && peerSa.alive()) {
            if (Nonces.firstHoldsLowest(ni, nr, peerSa.ni, peerSa.nr)) {
                // ours is redundant: delete it; the CHILD SAs go to the peer's new SA, whose initiator deletes the old
                moveChildren(sa, peerSa);
                sa.state = IkeSaState.REKEYED;
                sa.replacedBy = peerSa;
                created.tasks.queue(new IkeDeleteTask(created, "redundant IKE SA of a simultaneous rekey"));
                created.tasks.initiate();
                return;
            }
            // ours wins; the peer deletes its new SA (peerSa)
        }
        moveChildren(sa, created);
        sa.state = IkeSaState.REKEYED;
        sa.replacedBy = created;
        sa.tasks.queueFirst(new IkeDeleteTask(sa, "rekeyed"));
    }

    static void moveChildren(IkeSa from, IkeSa to) {
        for (ChildSaRecord c : from.children) {
            c.ikeSa = to;
            to.children.add(c);
        }
        from.children.clear();
    }

    private void derive(IkeSa target, IkeProposalSpec chosen, byte[] secret, byte[] nonceI, byte[] nonceR) {
        Prf oldPrf = host.crypto().prf(sa.suite.prf);
        byte[] skeyseed = IkeKeys.rekeySkeyseed(oldPrf, sa.keys.skD, secret, nonceI, nonceR);
        Arrays.fill(secret, (byte) 0);
        IkeSuite suite = new IkeSuite(chosen.encryption, chosen.integrity, chosen.prf, chosen.dh);
        IkeKeys keys = IkeKeys.derive(host.crypto().prf(chosen.prf), suite, skeyseed, nonceI, nonceR, target.spiI, target.spiR);
        Arrays.fill(skeyseed, (byte) 0);
        IkeInitTask.installKeys(target, suite, keys);
        keys.wipeAuthentication();
        target.chosenProposal = chosen;
        target.ni = nonceI;
        target.nr = nonceR;
        target.state = IkeSaState.ESTABLISHED;
    }

    @Override
    public void abort(String why) {
        closeKe();
    }

    // ------------------------------------------------------------------ responder

    @Override
    public Status processRequest(Message m) {
        try {
            if (sa.state != IkeSaState.ESTABLISHED) {
                error = NotifyPayload.of(Ike.TEMPORARY_FAILURE);
                return Status.SUCCESS;
            }
            SaPayload s = m.sa();
            NoncePayload nonce = m.nonce();
            KePayload k = m.ke();
            if (s == null || nonce == null || k == null) {
                error = NotifyPayload.of(Ike.INVALID_SYNTAX);
                return Status.SUCCESS;
            }
            for (IkeProposalSpec candidate : ordered()) {
                for (Proposal p : s.proposals) {
                    if (p.spi.length == 8 && p.spiValue() != 0 && candidate.matches(p, false)) {
                        spec = candidate;
                        chosenWire = p;
                        break;
                    }
                }
                if (spec != null) {
                    break;
                }
            }
            if (spec == null) {
                error = NotifyPayload.of(Ike.NO_PROPOSAL_CHOSEN);
                return Status.SUCCESS;
            }
            if (k.group != spec.dh.group()) {
                error = NotifyPayload.of(Ike.INVALID_KE_PAYLOAD, new byte[] {(byte) (spec.dh.group() >>> 8), (byte) spec.dh.group()});
                return Status.SUCCESS;
            }
            ni = nonce.nonce;
            nr = host.random().bytes(host.settings().nonceSize);
            ke = host.keyExchange(spec.dh);
            ourPublic = ke.publicValue();
            byte[] secret = ke.sharedSecret(k.data);
            newSpi = host.allocateIkeSpi();
            created = host.rekeyedIkeSa(sa, false, chosenWire.spiValue(), newSpi);
            derive(created, spec, secret, ni, nr);
            IkeRekeyTask ours = sa.tasks.activeIkeRekey();
            host.established(created);
            if (ours != null) {
                ours.collidingPeerSa = created;
            } else {
                sa.tasks.dropQueuedIkeRekeys();
                moveChildren(sa, created);
                sa.state = IkeSaState.REKEYED;
                sa.replacedBy = created;
            }
            return Status.SUCCESS;
        } catch (CryptoException | IllegalArgumentException e) {
            error = NotifyPayload.of(Ike.INVALID_SYNTAX);
            if (created != null) {
                host.destroy(created, "invalid key exchange value");
                created = null;
            }
            return Status.SUCCESS;
        } finally {
            closeKe();
        }
    }

    @Override
    public Status buildResponse(Message r) {
        if (error != null) {
            r.add(error);
            return Status.SUCCESS;
        }
        List<Proposal> one = new ArrayList<>(1);
        one.add(spec.toWire(chosenWire.number, PrfPlus.spiBytes(newSpi)));
        r.add(new SaPayload(one));
        r.add(new NoncePayload(nr));
        r.add(new KePayload(spec.dh.group(), ourPublic));
        return Status.SUCCESS;
    }

    private void closeKe() {
        if (ke != null) {
            ke.close();
            ke = null;
        }
    }
}
