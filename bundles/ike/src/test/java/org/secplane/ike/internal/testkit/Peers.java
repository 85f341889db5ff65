package org.secplane.ike.internal.testkit;

import java.util.List;
import java.util.function.Consumer;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.ike.internal.auth.LocalCredentials;
import org.secplane.ike.internal.auth.PeerCertificateValidator;
import org.secplane.ike.internal.engine.ChildSaInfo;
import org.secplane.ike.internal.engine.EventLoops;
import org.secplane.ike.internal.engine.IkeEngine;
import org.secplane.ike.internal.engine.IkeSaInfo;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.sa.SaHost;

/**
 * Two engines, "alice" (10.0.0.1) and "bob" (10.0.0.2), in one JVM over an in-memory {@link Wire}, on one
 * {@link ManualClock}, each with a seeded random source and deterministic key exchanges: every run sends the
 * same bytes. Everything runs on the test's thread.
 */
public final class Peers implements AutoCloseable {

    public static final String ALICE = "10.0.0.1";
    public static final String BOB = "10.0.0.2";

    public final ManualClock clock = new ManualClock();
    public final Wire wire = new Wire();
    public final RecordingInstaller aliceSas = new RecordingInstaller();
    public final RecordingInstaller bobSas = new RecordingInstaller();
    public final IkeEngine alice;
    public final IkeEngine bob;
    private final long reinitiateDelay;

    public Peers(long seed) {
        this(seed, s -> { }, LocalCredentials.NONE, PeerCertificateValidator.NONE, LocalCredentials.NONE,
                PeerCertificateValidator.NONE);
    }

    public Peers(long seed, Consumer<SaHost.Settings> tune) {
        this(seed, tune, LocalCredentials.NONE, PeerCertificateValidator.NONE, LocalCredentials.NONE,
                PeerCertificateValidator.NONE);
    }

    public Peers(long seed, Consumer<SaHost.Settings> tune, LocalCredentials aliceCredentials,
            PeerCertificateValidator aliceValidator, LocalCredentials bobCredentials, PeerCertificateValidator bobValidator) {
        this(seed, tune, aliceCredentials, aliceValidator, bobCredentials, bobValidator, -1);
    }

    /** {@code reinitiateDelay}: when VPNs with establish-tunnels immediately come back (-1: never, as by default here). */
    public Peers(long seed, Consumer<SaHost.Settings> tune, long reinitiateDelay) {
        this(seed, tune, LocalCredentials.NONE, PeerCertificateValidator.NONE, LocalCredentials.NONE,
                PeerCertificateValidator.NONE, reinitiateDelay);
    }

    private Peers(long seed, Consumer<SaHost.Settings> tune, LocalCredentials aliceCredentials,
            PeerCertificateValidator aliceValidator, LocalCredentials bobCredentials, PeerCertificateValidator bobValidator,
            long reinitiateDelay) {
        this.reinitiateDelay = reinitiateDelay;
        this.alice = engine(seed, tune, aliceSas, aliceCredentials, aliceValidator);
        this.bob = engine(seed + 1, tune, bobSas, bobCredentials, bobValidator);
        wire.attach(Policies.ip(ALICE), alice);
        wire.attach(Policies.ip(BOB), bob);
    }

    private IkeEngine engine(long seed, Consumer<SaHost.Settings> tune, RecordingInstaller installer, LocalCredentials credentials,
            PeerCertificateValidator validator) {
        SeededRandom random = new SeededRandom(seed);
        SaHost.Settings settings = new SaHost.Settings();
        tune.accept(settings);
        CryptoRegistry crypto = TestCrypto.direct();
        return IkeEngine.builder()
                .transport(wire.transport())
                .installer(installer)
                .crypto(crypto)
                .clock(clock)
                .scheduler(clock)
                .random(random)
                .keyExchanges(new DeterministicKeyExchanges(new SeededRandom(seed * 7919)))
                .credentials(credentials)
                .validator(validator)
                .loops(EventLoops.inline())
                .settings(settings)
                .reinitiateDelay(reinitiateDelay)
                .retryDelay(reinitiateDelay < 0 ? -1 : 10 * reinitiateDelay)
                .build();
    }

    public void apply(IkePolicy forAlice, IkePolicy forBob) {
        alice.apply(forAlice);
        bob.apply(forBob);
    }

    public List<IkeSaInfo> aliceIke() {
        return alice.ikeSecurityAssociations();
    }

    public List<IkeSaInfo> bobIke() {
        return bob.ikeSecurityAssociations();
    }

    public List<ChildSaInfo> aliceChildren() {
        return alice.childSecurityAssociations();
    }

    public List<ChildSaInfo> bobChildren() {
        return bob.childSecurityAssociations();
    }

    @Override
    public void close() {
        alice.close();
        bob.close();
    }
}
