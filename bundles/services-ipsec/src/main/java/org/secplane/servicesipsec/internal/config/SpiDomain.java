package org.secplane.servicesipsec.internal.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * One demultiplexing domain of manual SAs for V-M14 / V-S28 (ruling D-16): every receive-side SA
 * ({@code inbound}, {@code bidirectional}) needs a (protocol, SPI) pair of its own within the domain,
 * and two send-side SAs ({@code outbound}, {@code bidirectional}) toward the same peer may not share one.
 * The send side is not limited to the domain: the peer demultiplexes on its own address, whichever local
 * gateway sent the packet, so domains of one front end share their send-side claims.
 * A {@code bundle} direction expands to (ah, spi) and (esp, auxiliary-spi) (003:L109).
 *
 * <p>Services: one domain per local gateway (the service sets sharing it); ES PIC: one per router.
 */
final class SpiDomain {

    private final String description;
    private final Set<String> reported;
    private final Map<String, ConfigView> receive = new HashMap<>();
    private final Map<String, ConfigView> send;

    /**
     * @param description how messages name the domain ("local-gateway 21.21.1.1")
     * @param reported keys of duplicates already reported, shared among domains so that a pair of SAs in
     *        several domains is reported once
     * @param send the send-side claims, shared among the domains of one front end
     */
    SpiDomain(String description, Set<String> reported, Map<String, ConfigView> send) {
        this.description = description;
        this.reported = reported;
        this.send = send;
    }

    /** Registers the directions of {@code manual}; {@code peers} are the send-side peers ({@code null}: unknown). */
    void add(CommitContext context, ConfigView manual, List<String> peers) {
        for (ConfigView direction : manual.children("direction")) {
            String protocol = direction.leaf("protocol").orElse(null);
            ConfigView spi = direction.child("spi").orElse(null);
            if (protocol == null || spi == null) {
                continue;
            }
            boolean receiving = !"outbound".equals(direction.value());
            boolean sending = !"inbound".equals(direction.value());
            if ("bundle".equals(protocol)) {
                register(context, direction, "ah", spi, receiving, sending, peers);
                direction.child("auxiliary-spi")
                        .ifPresent(aux -> register(context, direction, "esp", aux, receiving, sending, peers));
            } else {
                register(context, direction, protocol, spi, receiving, sending, peers);
            }
        }
    }

    private void register(CommitContext context, ConfigView direction, String protocol, ConfigView spi,
            boolean receiving, boolean sending, List<String> peers) {
        String pair = protocol + " " + spi.value();
        if (receiving) {
            claim(context, receive, pair, direction, spi, "duplicate SPI: (" + protocol + ", " + spi.value()
                    + ") is already used by the receive-side SA at [", "]; each manual SA needs a unique SPI "
                    + "and protocol combination (" + description + ")");
        }
        if (sending) {
            for (String peer : peers) {
                String where = peer == null ? "a peer not known from the configuration" : "peer " + peer;
                claim(context, send, pair + " " + peer, direction, spi, "duplicate SPI: (" + protocol + ", " + spi.value()
                        + ") toward " + where + " is already used by the send-side SA at [", "]; each manual SA needs a "
                        + "unique SPI and protocol combination toward a peer");
            }
        }
    }

    private void claim(CommitContext context, Map<String, ConfigView> claims, String key, ConfigView direction,
            ConfigView spi, String before, String after) {
        ConfigView first = claims.putIfAbsent(key, direction);
        if (first == null || first.path().equals(direction.path())) {
            return;
        }
        String firstPath = String.join(" ", first.path());
        String dedup = String.join(" ", spi.path()) + "|" + firstPath + "|" + key + "|" + (claims == send);
        if (reported.add(dedup)) {
            context.error(spi, before + firstPath + after);
        }
    }
}
