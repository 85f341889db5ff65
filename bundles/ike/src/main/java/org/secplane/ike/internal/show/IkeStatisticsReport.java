package org.secplane.ike.internal.show;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.secplane.cli.Report;
import org.secplane.ike.internal.engine.AuthFailure;
import org.secplane.ike.internal.engine.DropReason;
import org.secplane.ike.internal.runtime.IkePorts;

/**
 * {@code show security ike statistics}, a secplane extension (the guide has no such command): where IKE listens,
 * whether a data plane takes the CHILD SAs, messages dropped per reason, the last authentication failure per
 * gateway and CHILD SA failure per VPN with their reasons, configuration the engine could not map, and the
 * respond-bad-spi counters.
 *
 * <pre>
 * UDP ports:
 *   10.77.0.1:500       listening   14 datagrams
 *   10.77.0.1:4500      listening   6 datagrams
 * Data plane: none (2 SA pairs kept by key management only)
 * Messages dropped or answered from the cache:
 *   truncated                          0
 *   …
 * Authentication failures:
 *   gw1 (10.77.0.2), 12 seconds ago: pre-shared key mismatch: the AUTH payload of peer 10.77.0.2 (…) does not verify
 * </pre>
 */
public final class IkeStatisticsReport {

    private IkeStatisticsReport() {
    }

    /** What the report shows; {@code now} is on the engine's clock, as the failures' times are. */
    public record Input(List<IkePorts.PortStatus> ports, long[] portCounters, boolean dataPlane, int recordedPairs,
            Map<DropReason, Long> drops, Map<String, AuthFailure> authenticationFailures, Map<String, String> childFailures,
            List<String> configurationProblems, Map<String, Integer> respondBadSpiCounts, long now) {
    }

    public static Report of(Input in) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Object> ports = new ArrayList<>();
        for (IkePorts.PortStatus p : in.ports()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("local-address", p.local().getAddress().getHostAddress());
            pm.put("local-port", p.local().getPort());
            pm.put("state", p.state());
            pm.put("datagrams-received", p.received());
            ports.add(pm);
        }
        body.put("udp-port", ports);
        body.put("send-without-port", in.portCounters()[0]);
        body.put("send-failures", in.portCounters()[1]);
        body.put("esp-in-udp-to-data-plane", in.portCounters()[2]);
        body.put("data-plane", in.dataPlane());
        body.put("sa-pairs-kept-by-key-management", in.recordedPairs());
        Map<String, Object> drops = new LinkedHashMap<>();
        in.drops().forEach((r, n) -> drops.put(name(r), n));
        body.put("messages-dropped", drops);
        List<Object> auth = new ArrayList<>();
        for (AuthFailure f : new TreeMap<>(in.authenticationFailures()).values()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("gateway", f.gateway());
            fm.put("remote-address", f.remote());
            fm.put("seconds-ago", Math.max(0, (in.now() - f.timeMillis()) / 1000));
            fm.put("reason", f.reason());
            auth.add(fm);
        }
        body.put("authentication-failure", auth);
        List<Object> child = new ArrayList<>();
        new TreeMap<>(in.childFailures()).forEach((vpn, reason) -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("vpn", vpn);
            cm.put("reason", reason);
            child.add(cm);
        });
        body.put("child-sa-failure", child);
        body.put("configuration-problem", in.configurationProblems());
        body.put("respond-bad-spi-count", new TreeMap<>(in.respondBadSpiCounts()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ike-statistics", body);
        return Report.of(data, out -> text(out, in));
    }

    private static void text(PrintStream out, Input in) {
        out.println("UDP ports:");
        if (in.ports().isEmpty()) {
            out.println("  none (no IKE gateway is configured)");
        }
        for (IkePorts.PortStatus p : in.ports()) {
            String endpoint = p.local().getAddress().getHostAddress() + ":" + p.local().getPort();
            out.println(String.format("  %-20s%s", endpoint, p.state().equals("listening")
                    ? "listening   " + p.received() + " datagrams" : "not listening: " + p.state()));
        }
        long[] c = in.portCounters();
        if (c[0] + c[1] > 0) {
            out.println("  Datagrams not sent: " + c[0] + " without a port, " + c[1] + " failed");
        }
        out.println("Data plane: " + (in.dataPlane() ? "installed SA pairs go to the data plane"
                : "none (" + in.recordedPairs() + " SA pair" + (in.recordedPairs() == 1 ? "" : "s")
                        + " kept by key management only)")
                + (c[2] > 0 ? ", " + c[2] + " ESP-in-UDP packets passed to it" : ""));
        out.println("Messages dropped or answered from the cache:");
        in.drops().forEach((r, n) -> out.println(String.format("  %-30s%10d", name(r), n)));
        out.println("Authentication failures:" + (in.authenticationFailures().isEmpty() ? " none" : ""));
        for (AuthFailure f : new TreeMap<>(in.authenticationFailures()).values()) {
            out.println("  " + f.gateway() + " (" + f.remote() + "), " + Math.max(0, (in.now() - f.timeMillis()) / 1000)
                    + " seconds ago: " + f.reason());
        }
        out.println("CHILD SA failures:" + (in.childFailures().isEmpty() ? " none" : ""));
        new TreeMap<>(in.childFailures()).forEach((vpn, reason) -> out.println("  VPN " + vpn + ": " + reason));
        if (!in.configurationProblems().isEmpty()) {
            out.println("Configuration not mapped:");
            in.configurationProblems().forEach(p -> out.println("  " + p));
        }
        if (!in.respondBadSpiCounts().isEmpty()) {
            out.println("Responses to invalid SPIs:");
            new TreeMap<>(in.respondBadSpiCounts()).forEach((g, n) -> out.println(String.format("  %-30s%10d", g, n)));
        }
    }

    /** {@code INTEGRITY_CHECK_FAILED} → {@code integrity-check-failed}. */
    static String name(DropReason r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
