package org.secplane.ike.internal.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.KeyExchange;
import org.secplane.ike.internal.keys.IkeKeys;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.KePayload;
import org.secplane.ike.internal.message.Message;
import org.secplane.ike.internal.message.NoncePayload;
import org.secplane.ike.internal.message.NotifyPayload;
import org.secplane.ike.internal.message.Proposal;
import org.secplane.ike.internal.message.SaPayload;
import org.secplane.ike.internal.message.Transform;
import org.secplane.ike.internal.message.TsPayload;
import org.secplane.ike.internal.policy.ChildProposalSpec;
import org.secplane.ike.internal.policy.Selectors;
import org.secplane.ike.internal.policy.VpnConfig;
import org.secplane.ike.internal.sa.ChildSaRecord;
import org.secplane.ike.internal.sa.ChildSaRecord.Nonces;
import org.secplane.ike.internal.sa.IkeSa;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.TrafficSelector;

/**
 * child-create and child-rekey: a CHILD SA in IKE_AUTH (the first, no PFS) or in CREATE_CHILD_SA (with nonces
 * and, for PFS, a KE; D-06: the PFS group must match exactly), the traffic selectors (the responder narrows
 * to its configuration, D-11; one selector per direction), and for a rekey REKEY_SA with the collision rule of
 * RFC 7296 §2.8.1 (the SA made with the lowest of the four nonces is deleted by its creator).
 */
public final class ChildCreateTask extends Task {

    private final String vpnName;
    private final boolean inAuth;
    private ChildSaRecord rekeyOf;
    private VpnConfig vpn;
    private ChildProposalSpec spec;
    private Proposal chosenWire;
    private long spiIn;
    private long spiOut;
    private byte[] ni;
    private byte[] nr;
    private KeyExchange ke;
    private byte[] ourPublic;
    private byte[] secret;
    private TrafficSelector local;
    private TrafficSelector remote;
    private NotifyPayload error;
    private boolean childless;
    private ChildSaRecord created;
    /** When we rekey: the CHILD SA the peer made by rekeying the same SA meanwhile. */
    ChildSaRecord collidingPeerChild;

    private ChildCreateTask(IkeSa sa, String vpnName, boolean inAuth, ChildSaRecord rekeyOf) {
        super(sa);
        this.vpnName = vpnName;
        this.inAuth = inAuth;
        this.rekeyOf = rekeyOf;
    }

    public static ChildCreateTask initiate(IkeSa sa, String vpn, boolean inAuth) {
        return new ChildCreateTask(sa, vpn, inAuth, null);
    }

    public static ChildCreateTask rekey(IkeSa sa, ChildSaRecord old) {
        return new ChildCreateTask(sa, old.vpn, false, old);
    }

    public static ChildCreateTask respond(IkeSa sa, boolean inAuth) {
        return new ChildCreateTask(sa, null, inAuth, null);
    }

    public String vpn() {
        return vpnName != null ? vpnName : vpn != null ? vpn.name : null;
    }

    public ChildSaRecord rekeyOf() {
        return rekeyOf;
    }

    public ChildSaRecord created() {
        return created;
    }

    @Override
    public int exchange() {
        return inAuth ? Ike.IKE_AUTH : Ike.CREATE_CHILD_SA;
    }

    @Override
    public String describe() {
        return rekeyOf != null ? "CREATE_CHILD_SA (rekey)" : "CREATE_CHILD_SA";
    }

    // ------------------------------------------------------------------ initiator

    @Override
    public Status build(Message m) {
        vpn = host.policy().vpns.get(vpnName);
        if (vpn == null || !vpn.gateway.equals(sa.gateway)) {
            return fail("VPN " + vpnName + " is no longer configured on gateway " + sa.gateway);
        }
        if (rekeyOf != null) {
            if (rekeyOf.state != ChildSaRecord.State.INSTALLED) {
                return fail("CHILD SA " + Long.toHexString(rekeyOf.inboundSpi) + " is " + rekeyOf.state + ", not rekeyed");
            }
            rekeyOf.state = ChildSaRecord.State.REKEYING;
            m.add(new NotifyPayload(rekeyOf.protocol, spi4(rekeyOf.inboundSpi), Ike.REKEY_SA, null));
        }
        spiIn = host.allocateChildSpi();
        List<Proposal> proposals = new ArrayList<>(vpn.proposals.size());
        for (int i = 0; i < vpn.proposals.size(); i++) {
            proposals.add(vpn.proposals.get(i).toWire(i + 1, spi4(spiIn), !inAuth));
        }
        m.add(new SaPayload(proposals));
        if (!inAuth) {
            ni = host.random().bytes(host.settings().nonceSize);
            m.add(new NoncePayload(ni));
            Algorithm pfs = vpn.proposals.get(0).pfs;
            if (pfs != null) {
                ke = host.keyExchange(pfs);
                m.add(new KePayload(pfs.group(), ke.publicValue()));
            }
        }
        local = rekeyOf != null ? rekeyOf.localSelector : vpn.localSelector;
        remote = rekeyOf != null ? rekeyOf.remoteSelector : vpn.remoteSelector;
        m.add(Selectors.payload(Ike.TSI, local));
        m.add(Selectors.payload(Ike.TSR, remote));
        return Status.SUCCESS;
    }

    @Override
    public Status process(Message r) {
        try {
            NotifyPayload err = childError(r);
            if (err != null) {
                return failed("peer answered with " + Ike.notifyName(err.notifyType), err.notifyType);
            }
            SaPayload s = r.sa();
            if (s == null) {
                if (inAuth) {
                    return failed("peer created no CHILD SA in IKE_AUTH", 0);
                }
                return failed("CREATE_CHILD_SA response without SA payload", 0);
            }
            if (s.proposals.size() != 1) {
                return failed("response with " + s.proposals.size() + " proposals", 0);
            }
            Proposal p = s.proposals.get(0);
            for (ChildProposalSpec candidate : vpn.proposals) {
                if (candidate.matches(p, !inAuth) && single(p)) {
                    spec = candidate;
                    break;
                }
            }
            if (spec == null) {
                return failed("peer chose a CHILD SA proposal that was not offered", 0);
            }
            spiOut = p.spiValue();
            if (!inAuth) {
                NoncePayload nonce = r.nonce();
                if (nonce == null) {
                    return failed("CREATE_CHILD_SA response without nonce", 0);
                }
                nr = nonce.nonce;
                if (spec.pfs != null) {
                    KePayload k = r.ke();
                    if (k == null || k.group != spec.pfs.group()) {
                        return failed("CREATE_CHILD_SA response without KE in group " + spec.pfs.group(), 0);
                    }
                    secret = ke.sharedSecret(k.data);
                }
            }
            TsPayload tsi = (TsPayload) r.first(Ike.TSI);
            TsPayload tsr = (TsPayload) r.first(Ike.TSR);
            TrafficSelector gotLocal = tsi == null ? null : Selectors.fromWire(tsi.selectors.get(0));
            TrafficSelector gotRemote = tsr == null ? null : Selectors.fromWire(tsr.selectors.get(0));
            if (gotLocal == null || gotRemote == null || !Selectors.within(gotLocal, local) || !Selectors.within(gotRemote, remote)) {
                return failed("peer's traffic selectors are not within those proposed", 0);
            }
            local = gotLocal;
            remote = gotRemote;
            byte[] n1 = inAuth ? sa.ni : ni;
            byte[] n2 = inAuth ? sa.nr : nr;
            created = install(true, n1, n2);
            if (rekeyOf != null) {
                afterRekey();
            }
            return Status.SUCCESS;
        } catch (CryptoException | IllegalArgumentException e) {
            return failed("peer's key exchange value is invalid: " + e.getMessage(), 0);
        } finally {
            closeKe();
        }
    }

    /** RFC 7296 §2.8.1: who deletes what once both rekeys of one CHILD SA are done. */
    private void afterRekey() {
        ChildSaRecord peerChild = collidingPeerChild;
        if (peerChild != null && peerChild.alive()) {
            if (Nonces.firstHoldsLowest(created.ni, created.nr, peerChild.ni, peerChild.nr)) {
                // our new SA holds the lowest nonce: it is redundant and ours to delete; the peer deletes the old one
                rekeyOf.state = ChildSaRecord.State.REKEYED;
                sa.tasks.queueFirst(new ChildDeleteTask(sa, created));
            } else {
                rekeyOf.state = ChildSaRecord.State.REKEYED;
                sa.tasks.queueFirst(new ChildDeleteTask(sa, rekeyOf));
            }
        } else if (rekeyOf.alive()) {
            rekeyOf.state = ChildSaRecord.State.REKEYED;
            sa.tasks.queueFirst(new ChildDeleteTask(sa, rekeyOf));
        }
    }

    private Status failed(String why, int notify) {
        if (rekeyOf != null && rekeyOf.state == ChildSaRecord.State.REKEYING) {
            rekeyOf.state = ChildSaRecord.State.INSTALLED;
            if (notify == Ike.TEMPORARY_FAILURE) {
                ChildSaRecord old = rekeyOf;
                host.schedule(sa, host.settings().rekeyRetryMillis, () -> {
                    if (sa.established() && old.state == ChildSaRecord.State.INSTALLED) {
                        sa.tasks.queue(ChildCreateTask.rekey(sa, old));
                        sa.tasks.initiate();
                    }
                });
            }
        }
        host.childFailed(sa, vpn(), why);
        return fail(why);
    }

    @Override
    public void abort(String why) {
        if (rekeyOf != null && rekeyOf.state == ChildSaRecord.State.REKEYING) {
            rekeyOf.state = ChildSaRecord.State.INSTALLED;
        }
        closeKe();
    }

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

    private static NotifyPayload childError(Message r) {
        for (int type : new int[] {Ike.NO_PROPOSAL_CHOSEN, Ike.TS_UNACCEPTABLE, Ike.SINGLE_PAIR_REQUIRED, Ike.INVALID_SELECTORS,
            Ike.TEMPORARY_FAILURE, Ike.CHILD_SA_NOT_FOUND, Ike.NO_ADDITIONAL_SAS, Ike.INTERNAL_ADDRESS_FAILURE,
            Ike.FAILED_CP_REQUIRED, Ike.INVALID_KE_PAYLOAD, Ike.INVALID_SYNTAX}) {
            NotifyPayload n = r.notify(type);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ responder

    @Override
    public Status processRequest(Message m) {
        try {
            return respond(m);
        } catch (CryptoException | IllegalArgumentException e) {
            error = NotifyPayload.of(Ike.INVALID_SYNTAX);
            host.childFailed(sa, vpn(), "initiator's key exchange value is invalid");
            return Status.SUCCESS;
        } finally {
            closeKe();
        }
    }

    private Status respond(Message m) {
        SaPayload s = m.sa();
        TsPayload tsi = (TsPayload) m.first(Ike.TSI);
        TsPayload tsr = (TsPayload) m.first(Ike.TSR);
        if (inAuth && s == null && tsi == null && tsr == null) {
            childless = true;
            return Status.SUCCESS;
        }
        NotifyPayload rekey = m.notify(Ike.REKEY_SA);
        List<VpnConfig> candidates;
        if (rekey != null) {
            rekeyOf = sa.childByOutbound(value(rekey.spi));
            if (rekeyOf == null || rekeyOf.state == ChildSaRecord.State.DELETED) {
                error = new NotifyPayload(rekey.protocol, rekey.spi, Ike.CHILD_SA_NOT_FOUND, null);
                return Status.SUCCESS;
            }
            if (rekeyOf.state == ChildSaRecord.State.DELETING || rekeyOf.state == ChildSaRecord.State.REKEYED) {
                error = NotifyPayload.of(Ike.TEMPORARY_FAILURE);
                return Status.SUCCESS;
            }
            VpnConfig v = host.policy().vpns.get(rekeyOf.vpn);
            candidates = v == null ? List.of() : List.of(v);
        } else {
            candidates = host.policy().vpnsOf(sa.gateway);
        }
        if (s == null || tsi == null || tsr == null) {
            error = NotifyPayload.of(Ike.INVALID_SYNTAX);
            return Status.SUCCESS;
        }
        boolean selectorsMatched = false;
        for (VpnConfig v : candidates) {
            TrafficSelector l = Selectors.narrow(v.localSelector, tsr);
            TrafficSelector r = Selectors.narrow(v.remoteSelector, tsi);
            if (l == null || r == null) {
                continue;
            }
            selectorsMatched = true;
            for (ChildProposalSpec candidate : v.proposals) {
                for (Proposal p : s.proposals) {
                    if (candidate.matches(p, !inAuth)) {
                        vpn = v;
                        spec = candidate;
                        chosenWire = p;
                        local = l;
                        remote = r;
                        break;
                    }
                }
                if (spec != null) {
                    break;
                }
            }
            if (spec != null) {
                break;
            }
        }
        if (spec == null) {
            error = NotifyPayload.of(selectorsMatched ? Ike.NO_PROPOSAL_CHOSEN : Ike.TS_UNACCEPTABLE);
            host.childFailed(sa, candidates.isEmpty() ? null : candidates.get(0).name,
                    selectorsMatched ? "no IPsec proposal matches the initiator's (NO_PROPOSAL_CHOSEN)"
                            : "the initiator's traffic selectors match no VPN (TS_UNACCEPTABLE)");
            return Status.SUCCESS;
        }
        if (!inAuth) {
            NoncePayload nonce = m.nonce();
            if (nonce == null) {
                error = NotifyPayload.of(Ike.INVALID_SYNTAX);
                return Status.SUCCESS;
            }
            ni = nonce.nonce;
            if (spec.pfs != null) {
                KePayload k = m.ke();
                if (k == null || k.group != spec.pfs.group()) {
                    error = NotifyPayload.of(Ike.INVALID_KE_PAYLOAD,
                            new byte[] {(byte) (spec.pfs.group() >>> 8), (byte) spec.pfs.group()});
                    host.childFailed(sa, vpn.name, "initiator's KE is not in PFS group " + spec.pfs.group());
                    return Status.SUCCESS;
                }
                ke = host.keyExchange(spec.pfs);
                ourPublic = ke.publicValue();
                secret = ke.sharedSecret(k.data);
            }
            nr = host.random().bytes(host.settings().nonceSize);
        }
        spiOut = chosenWire.spiValue();
        spiIn = host.allocateChildSpi();
        created = install(false, inAuth ? sa.ni : ni, inAuth ? sa.nr : nr);
        if (rekeyOf != null) {
            ChildCreateTask ours = sa.tasks.activeRekeyOf(rekeyOf);
            if (ours != null) {
                ours.collidingPeerChild = created;
            } else {
                sa.tasks.dropQueuedRekeyOf(rekeyOf);
                rekeyOf.state = ChildSaRecord.State.REKEYED;
            }
        }
        return Status.SUCCESS;
    }

    @Override
    public Status buildResponse(Message r) {
        if (error != null) {
            r.add(error);
            return Status.SUCCESS;
        }
        if (childless || spec == null) {
            return Status.SUCCESS;
        }
        List<Proposal> one = new ArrayList<>(1);
        one.add(spec.toWire(chosenWire.number, spi4(spiIn), !inAuth));
        r.add(new SaPayload(one));
        if (!inAuth) {
            r.add(new NoncePayload(nr));
            if (ourPublic != null) {
                r.add(new KePayload(spec.pfs.group(), ourPublic));
            }
        }
        r.add(Selectors.payload(Ike.TSI, remote));
        r.add(Selectors.payload(Ike.TSR, local));
        return Status.SUCCESS;
    }

    // ------------------------------------------------------------------ both

    /** Derives the keys (RFC 7296 §2.17) and hands the pair to the installer. */
    private ChildSaRecord install(boolean initiator, byte[] n1, byte[] n2) {
        Algorithm enc = spec.encryption;
        Algorithm integ = spec.integrity;
        int encLength = enc == null ? 0 : enc.keySize() + enc.saltSize();
        int integLength = integ == null ? 0 : integ.keySize();
        byte[] keymat = IkeKeys.childKeymat(host.crypto().prf(sa.suite.prf), sa.keys.skD, secret, n1, n2,
                2 * (encLength + integLength));
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
        int at = 0;
        byte[] encI = Arrays.copyOfRange(keymat, at, at += encLength);
        byte[] integI = Arrays.copyOfRange(keymat, at, at += integLength);
        byte[] encR = Arrays.copyOfRange(keymat, at, at += encLength);
        byte[] integR = Arrays.copyOfRange(keymat, at, at + integLength);
        Arrays.fill(keymat, (byte) 0);
        long now = host.now();
        long hard = spec.lifetimeSeconds * 1000L;
        long soft = hard - margin(hard);
        long hardKb = spec.lifetimeKilobytes;
        Lifetime lifetime = new Lifetime(spec.lifetimeSeconds, soft / 1000, hardKb, hardKb * 5 / 6);
        boolean nat = sa.natLocal || sa.natRemote;
        long tunnel = host.tunnelId(vpn.name);
        ChildSa installed = ChildSa.builder()
                .tunnelId(tunnel)
                .vpn(vpn.name)
                .origin(ChildSa.Origin.IKEV2)
                .protocol(spec.protocol == Ike.PROTO_AH ? 51 : 50)
                .tunnelMode(true)
                .endpoints(sa.local.getAddress(), sa.remote.getAddress())
                .udpEncapsulation(nat ? sa.local.getPort() : 0, nat ? sa.remote.getPort() : 0)
                .spis(spiIn, spiOut)
                .algorithms(enc, integ)
                .inboundKeys(initiator ? encR : encI, initiator ? integR : integI)
                .outboundKeys(initiator ? encI : encR, initiator ? integI : integR)
                .selectors(List.of(local), List.of(remote))
                .lifetime(lifetime)
                .replayWindow(vpn.replayWindow)
                .dfBit(vpn.dfBit)
                .bindInterface(vpn.bindInterface)
                .policyName(vpn.policyName)
                .build();
        ChildSaRecord record = new ChildSaRecord(vpn.name, tunnel, spiIn, spiOut, spec.protocol, enc, integ,
                inAuth ? null : spec.pfs, spec, local, remote, installed, now, now + soft, now + hard, initiator, n1, n2);
        record.ikeSa = sa;
        sa.children.add(record);
        host.childEstablished(sa, record, rekeyOf != null);
        return record;
    }

    /** D-14: m = min(600 s, hard/6) with ±5 % jitter; soft = hard − m. */
    private long margin(long hardMillis) {
        long m = Math.min(600_000L, hardMillis / 6);
        long jitter = m / 20;
        if (jitter > 0) {
            m = m - jitter + host.random().nextInt((int) Math.min(Integer.MAX_VALUE, 2 * jitter + 1));
        }
        return m;
    }

    private void closeKe() {
        if (ke != null) {
            ke.close();
            ke = null;
        }
    }

    static byte[] spi4(long spi) {
        return new byte[] {(byte) (spi >>> 24), (byte) (spi >>> 16), (byte) (spi >>> 8), (byte) spi};
    }

    static long value(byte[] spi) {
        long v = 0;
        for (byte b : spi) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
