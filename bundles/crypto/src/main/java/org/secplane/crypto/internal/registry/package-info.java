/**
 * The crypto registry: plain Java, no OSGi (the component package feeds it providers). Not exported.
 *
 * <h2>A provider arrives</h2>
 * {@link org.secplane.crypto.internal.registry.RankingCryptoRegistry#addProvider} returns at once
 * (it is called from an OSGi bind method). A background thread runs the known-answer tests of every
 * algorithm the provider claims ({@link org.secplane.crypto.internal.registry.KnownAnswerTest} over
 * the vectors of {@code kat/<label>.kat}, {@link org.secplane.crypto.internal.registry.KnownAnswerFile})
 * and offers each algorithm the moment it has passed. An algorithm with a vector that gives a wrong
 * answer or throws is not offered, and its status names the vector, the document the vector comes
 * from and what differed; the provider's other algorithms are unaffected. A consumer asking for an
 * algorithm that nothing offers yet while some provider is still testing it waits for those tests
 * (30 s at most) instead of failing at start-up; both software providers test in 2-6 s on this
 * machine, cold.
 *
 * <h2>Ranking by measured speed</h2>
 * Each passed algorithm is then measured on a background thread
 * ({@link org.secplane.crypto.internal.registry.CpuTimeSpeedMeter}: 40 ms of thread CPU time per
 * algorithm, 64- and 1400-byte packets for ciphers, AEADs and MACs, single operations for IKE types,
 * best of five slices after a warm-up). Providers are ranked per algorithm by that rate; until a
 * provider is measured it ranks after the measured ones, in arrival order. No fixed priority is
 * involved, so the choice is made per machine and per JDK: on JDK 17 here Bouncy Castle wins ECDH and
 * ECDSA by 4-5 times and SunJCE wins AES (perf-baselines.md).
 *
 * <p>A first measurement of a JIT-compiled provider is taken cold and undersells it: on JDK 17 AES-GCM
 * needed several seconds under load to reach its intrinsic speed, while a JNA binding to OpenSSL is
 * about as fast cold as warm, yet 2-2.8 times slower than warm SunJCE. So everything is measured
 * again 30 seconds after a registration (providers arriving together share one round), every
 * algorithm that more than one provider can do every 10 minutes after that, and the ranking follows. A challenger must be 10 % faster to take an algorithm from the
 * provider serving it (measurement noise on this shared machine is 1.1-1.4-fold), so live SAs are not
 * moved back and forth.
 *
 * <h2>What consumers hold</h2>
 * Each algorithm has a {@link org.secplane.crypto.internal.registry.Lane}: the ranked live providers
 * and a volatile reference to the selected one. Keyed packet-path objects ({@code Cipher},
 * {@code Aead}, {@code Mac}) are handles ({@link org.secplane.crypto.internal.registry.KeyedHandle})
 * holding a copy of the key and a delegate made by one provider. On every call a handle reads its
 * lane's selection once (one volatile read on the hot path); when that is not the provider it is
 * bound to, because that provider left or a faster one now ranks first, the user's own thread builds a
 * new delegate from the key and closes the old one. A delegate is therefore never used or closed by
 * two threads. A MAC message in progress finishes on the delegate holding its state. If a call fails
 * because its provider left between the check and the call, it is repeated on the next provider when
 * its input is intact (input and output do not overlap).
 *
 * <p>A key exchange in progress ({@link org.secplane.crypto.internal.registry.KeyExchangeHandle})
 * moves only when its provider has left: the private value is read from the old provider object
 * ({@code ProviderKeyExchange.privateValue()}) and given to the best remaining provider, which must
 * derive the same public value. PRF, hash and signer objects route each call to the current selection.
 * A consumer sees an error only when no live provider can do the algorithm, and then a
 * {@link org.secplane.crypto.CryptoException} naming the algorithm and, if providers failed its tests,
 * why.
 *
 * <h2>What providers must allow</h2>
 * Objects a provider returned stay usable (and closable) after its service is withdrawn, until they
 * are closed: a handle may be inside a call at that moment and closes its delegate at its next call.
 * {@code privateValue()} must work on an exchange object until it is closed.
 */
package org.secplane.crypto.internal.registry;
