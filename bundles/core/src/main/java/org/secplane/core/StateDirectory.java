package org.secplane.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one directory that holds all secplane state: committed configuration and its rollback history,
 * keys, certificates, CRLs and SA state. Each bundle owns one area (a subdirectory) below it.
 *
 * <p>The distribution sets {@value #PROPERTY} in {@code etc/system.properties} (default
 * {@code ${karaf.base}/state}); the environment variable {@value #ENVIRONMENT} overrides it, so an
 * operator can move state to another disk without editing the distribution.
 */
public final class StateDirectory {

    public static final String PROPERTY = "secplane.state";
    public static final String ENVIRONMENT = "SECPLANE_STATE";

    private final Path root;

    public StateDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The state directory the running system is configured with. */
    public static StateDirectory fromSystem() {
        String fromEnvironment = System.getenv(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new StateDirectory(Paths.get(fromEnvironment));
        }
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new StateDirectory(Paths.get(configured));
        }
        String karafBase = System.getProperty("karaf.base");
        return new StateDirectory(karafBase != null ? Paths.get(karafBase, "state") : Paths.get("state"));
    }

    public Path root() {
        return root;
    }

    /**
     * The area a bundle keeps its state in, created on first use readable by the owner only, because
     * several areas hold key material.
     */
    public Path area(String name) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("..")) {
            throw new IllegalArgumentException("state area name must be one plain directory name: " + name);
        }
        Path area = root.resolve(name);
        createOwnerOnlyDirectories(area);
        return area;
    }

    static void createOwnerOnlyDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createOwnerOnlyDirectories(parent);
        }
        try {
            Files.createDirectory(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another thread created it in between; fine
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
