package org.secplane.driver.simulator.internal.accelerator;

import java.io.IOException;
import java.nio.file.Path;

/** A simulated accelerator: its data file, its crypto provider and its SA offload engine. */
public final class SimulatedAccelerator {

    private final AcceleratorSpec spec;
    private final SimulatedCryptoProvider crypto;
    private final SimulatedSaOffload offload;

    public SimulatedAccelerator(AcceleratorSpec spec) {
        this.spec = spec;
        this.crypto = new SimulatedCryptoProvider(spec);
        this.offload = new SimulatedSaOffload(spec);
    }

    public static SimulatedAccelerator load(Path file) throws IOException {
        return new SimulatedAccelerator(AcceleratorSpec.load(file));
    }

    public AcceleratorSpec spec() {
        return spec;
    }

    public SimulatedCryptoProvider crypto() {
        return crypto;
    }

    public SimulatedSaOffload offload() {
        return offload;
    }

    /** One line for the family's driver list. */
    public String describe() {
        return "accelerator " + spec.name() + ": simulated " + spec.model() + " from " + spec.source() + " ("
                + spec.algorithms().size() + " algorithms" + (spec.failing().isEmpty() ? "" : ", " + spec.failing().size()
                + " with an erratum") + "; SA offload " + (spec.offloadModes().isEmpty() ? "none"
                : spec.offloadModes().toString().toLowerCase(java.util.Locale.ROOT) + ", " + offload.installedSas() + "/"
                + spec.maxSas() + " SAs") + ")";
    }
}
