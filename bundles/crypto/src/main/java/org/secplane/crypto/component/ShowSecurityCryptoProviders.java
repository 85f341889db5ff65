package org.secplane.crypto.component;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.cli.Report;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.ProviderStatus;
import org.secplane.crypto.ProviderStatus.CapabilityStatus;
import org.secplane.driver.DeviceFamily;

/**
 * {@code show security crypto providers}: the device family, every crypto provider with its driver
 * and state, and per algorithm which provider serves it, with each provider's rank, measured speed and
 * known-answer test result. With {@code | display json} the same data.
 *
 * <pre>
 * Device family: simulator
 *   Hardware: in-memory interfaces on simulated network 'default' (MTU 1500) as node root, no accelerator
 *   Status:   ready: 1 external address on the wire, 0 tunnel interfaces
 *   Drivers:  tunnels: in-memory packet queues (st0.N)
 *             wire: simulated network 'default' (MTU 1500), UDP and raw IP delivery
 *
 * Provider      State   Driver
 * jca           active  SunJCE, SUN, SunEC, SunRsaSign (Java 17.0.15+6)
 * bouncycastle  active  Bouncy Castle 1.86 lightweight API
 *
 * Algorithm           Selected      jca                bouncycastle
 * aes-128-cbc         jca           1  2.31M pass      -
 * ecp256              bouncycastle  2  1.1k  pass      1  4.2k  pass
 * Cells: rank, operations/s, known-answer test; "-" not offered
 * </pre>
 *
 * <p>The device family is the active {@link DeviceFamily} service, an optional dynamic reference: without
 * platform drivers the line reads {@code Device family: unknown (platform drivers not installed)}.
 */
@Component(service = OperationalCommand.class)
public class ShowSecurityCryptoProviders implements OperationalCommand {

    private final CryptoRegistry registry;
    private final DeviceFamilySource withoutFamily;
    private volatile DeviceFamily family;

    @Activate
    public ShowSecurityCryptoProviders(@Reference CryptoRegistry registry) {
        this(registry, DeviceFamilySource.PLATFORM_DRIVERS_NOT_INSTALLED);
    }

    /** {@code withoutFamily} is shown while no {@link DeviceFamily} service is bound. */
    ShowSecurityCryptoProviders(CryptoRegistry registry, DeviceFamilySource withoutFamily) {
        this.registry = registry;
        this.withoutFamily = withoutFamily;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFamily")
    void addFamily(DeviceFamily added) {
        family = added;
    }

    void removeFamily(DeviceFamily removed) {
        if (family == removed) {
            family = null;
        }
    }

    /**
     * Drivers that probed and found nothing to offer (e.g. {@code openssl} without libcrypto) register a
     * {@link ProviderStatus} whose state says why; they are listed after the live providers.
     */
    private final List<ProviderStatus> unavailable = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeUnavailable")
    void addUnavailable(ProviderStatus status) {
        unavailable.add(status);
    }

    void removeUnavailable(ProviderStatus status) {
        unavailable.remove(status);
    }

    private DeviceFamilySource deviceFamily() {
        DeviceFamily current = family;
        return current == null ? withoutFamily : DeviceFamilySource.of(current);
    }

    @Override
    public String name() {
        return "show security crypto providers";
    }

    @Override
    public String help() {
        return "Show crypto providers, their known-answer tests and speed, and which serves each algorithm";
    }

    @Override
    public void execute(Invocation invocation) {
        List<ProviderStatus> providers = new java.util.ArrayList<>(registry.providers());
        for (ProviderStatus absent : unavailable) {
            if (providers.stream().noneMatch(p -> p.name().equals(absent.name()))) {
                providers.add(absent);
            }
        }
        DeviceFamilySource deviceFamily = deviceFamily();
        invocation.print(Report.of(data(providers, deviceFamily), out -> text(out, providers, deviceFamily)));
    }

    Map<String, Object> data(List<ProviderStatus> providers, DeviceFamilySource deviceFamily) {
        Map<String, Object> family = new LinkedHashMap<>();
        family.put("name", deviceFamily.name());
        family.put("detail", deviceFamily.detail());
        if (deviceFamily.hardware() != null) {
            family.put("hardware", deviceFamily.hardware());
        }
        if (deviceFamily.status() != null) {
            family.put("status", deviceFamily.status());
        }
        if (!deviceFamily.drivers().isEmpty()) {
            family.put("driver", deviceFamily.drivers());
        }
        List<Object> providerList = new ArrayList<>();
        for (ProviderStatus provider : providers) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", provider.name());
            p.put("driver", provider.driver());
            p.put("state", provider.state());
            List<Object> capabilities = new ArrayList<>();
            for (CapabilityStatus capability : provider.capabilities()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("algorithm", capability.algorithm().label());
                c.put("registered", capability.registered());
                c.put("known-answer-test", capability.knownAnswerTest());
                double ops = capability.operationsPerSecond();
                c.put("operations-per-second", Double.isNaN(ops) ? null : Math.round(ops));
                c.put("rank", capability.rank() == 0 ? null : capability.rank());
                c.put("selected", capability.selected());
                capabilities.add(c);
            }
            p.put("algorithm", capabilities);
            providerList.add(p);
        }
        List<Object> algorithms = new ArrayList<>();
        Map<Algorithm, String> selected = selected(providers);
        for (Algorithm algorithm : Algorithm.values()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", algorithm.label());
            a.put("type", algorithm.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            a.put("selected-provider", selected.get(algorithm));
            algorithms.add(a);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device-family", family);
        body.put("provider", providerList);
        body.put("algorithm", algorithms);
        return Map.of("crypto-providers", body);
    }

    void text(PrintStream out, List<ProviderStatus> providers, DeviceFamilySource deviceFamily) {
        String detail = deviceFamily.detail();
        out.println("Device family: " + deviceFamily.name() + (detail == null ? "" : " (" + detail + ")"));
        if (deviceFamily.hardware() != null) {
            out.println("  Hardware: " + deviceFamily.hardware());
        }
        if (deviceFamily.status() != null) {
            out.println("  Status:   " + deviceFamily.status());
        }
        List<String> drivers = deviceFamily.drivers();
        for (int i = 0; i < drivers.size(); i++) {
            out.println((i == 0 ? "  Drivers:  " : "            ") + drivers.get(i));
        }
        out.println();
        if (providers.isEmpty()) {
            out.println("No crypto providers are registered.");
            return;
        }
        int nameWidth = "Provider".length();
        int stateWidth = "State".length();
        for (ProviderStatus provider : providers) {
            nameWidth = Math.max(nameWidth, provider.name().length());
            stateWidth = Math.max(stateWidth, provider.state().length());
        }
        String providerRow = "%-" + (nameWidth + 2) + "s%-" + (stateWidth + 2) + "s%s%n";
        out.printf(providerRow, "Provider", "State", "Driver");
        for (ProviderStatus provider : providers) {
            out.printf(providerRow, provider.name(), provider.state(), provider.driver());
        }
        out.println();
        // drivers that found nothing to offer have a row above and no column below
        providers = providers.stream().filter(p -> !p.capabilities().isEmpty())
                .collect(java.util.stream.Collectors.toList());

        List<Map<Algorithm, CapabilityStatus>> byProvider = new ArrayList<>();
        int selectedWidth = "Selected".length();
        StringBuilder header = new StringBuilder(String.format("%-20s", "Algorithm"));
        List<Integer> widths = new ArrayList<>();
        for (ProviderStatus provider : providers) {
            Map<Algorithm, CapabilityStatus> capabilities = new EnumMap<>(Algorithm.class);
            provider.capabilities().forEach(c -> capabilities.put(c.algorithm(), c));
            byProvider.add(capabilities);
            selectedWidth = Math.max(selectedWidth, provider.name().length());
            widths.add(Math.max(provider.name().length(), 14) + 2);
        }
        header.append(String.format("%-" + (selectedWidth + 2) + "s", "Selected"));
        for (int i = 0; i < providers.size(); i++) {
            header.append(String.format("%-" + widths.get(i) + "s", providers.get(i).name()));
        }
        out.println(header.toString().stripTrailing());
        Map<Algorithm, String> selected = selected(providers);
        List<String> failures = new ArrayList<>();
        for (Algorithm algorithm : Algorithm.values()) {
            boolean claimed = byProvider.stream().anyMatch(m -> m.containsKey(algorithm));
            if (!claimed) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format("%-20s", algorithm.label()));
            row.append(String.format("%-" + (selectedWidth + 2) + "s", selected.getOrDefault(algorithm, "-")));
            for (int i = 0; i < providers.size(); i++) {
                CapabilityStatus capability = byProvider.get(i).get(algorithm);
                row.append(String.format("%-" + widths.get(i) + "s", cell(capability)));
                if (capability != null && !capability.knownAnswerTest().startsWith("passed")) {
                    failures.add(String.format("  %-" + nameWidth + "s  %-18s %s", providers.get(i).name(), algorithm.label(),
                            capability.knownAnswerTest()));
                }
            }
            out.println(row.toString().stripTrailing());
        }
        out.println("Cells: rank, operations/s, known-answer test; \"-\" not offered or not yet measured");
        if (!failures.isEmpty()) {
            out.println();
            out.println("Known-answer test failures:");
            failures.forEach(out::println);
        }
    }

    private static Map<Algorithm, String> selected(List<ProviderStatus> providers) {
        Map<Algorithm, String> selected = new EnumMap<>(Algorithm.class);
        for (ProviderStatus provider : providers) {
            for (CapabilityStatus capability : provider.capabilities()) {
                if (capability.selected()) {
                    selected.put(capability.algorithm(), provider.name());
                }
            }
        }
        return selected;
    }

    private static String cell(CapabilityStatus capability) {
        if (capability == null) {
            return "-";
        }
        boolean passed = capability.knownAnswerTest().startsWith("passed");
        String rank = capability.rank() == 0 ? "-" : Integer.toString(capability.rank());
        String ops = passed ? rate(capability.operationsPerSecond()) : "-";
        return String.format("%-2s %-6s %s", rank, ops, passed ? "pass" : "FAIL");
    }

    /** 2.31M, 812k, 4.2k, 950; "-" when not measured. */
    static String rate(double operationsPerSecond) {
        if (Double.isNaN(operationsPerSecond)) {
            return "-";
        }
        if (operationsPerSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", operationsPerSecond / 1e6);
        }
        if (operationsPerSecond >= 1e5) {
            return String.format(Locale.ROOT, "%.0fk", operationsPerSecond / 1e3);
        }
        if (operationsPerSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", operationsPerSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", operationsPerSecond);
    }
}
