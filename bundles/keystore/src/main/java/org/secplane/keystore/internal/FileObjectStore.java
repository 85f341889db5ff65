package org.secplane.keystore.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.secplane.core.AtomicFiles;
import org.secplane.keystore.IntegrityFinding;
import org.secplane.keystore.IntegrityFinding.Problem;
import org.secplane.keystore.IntegrityReport;
import org.secplane.keystore.PkiObject;
import org.secplane.keystore.PkiObjectStore;
import org.secplane.keystore.PkiStoreException;
import org.secplane.keystore.PkiStoreException.Reason;

/**
 * {@link PkiObjectStore} over a directory ({@code <state>/pki}): {@code device.kek}, {@code manifest},
 * and one directory per kind holding one {@link ObjectFile} per object. See {@link PkiObjectStore} for
 * the guarantees; {@link DeviceKeys}, {@link ObjectFile} and {@link Manifest} for the formats.
 */
public final class FileObjectStore implements PkiObjectStore, AutoCloseable {

    public static final String MANIFEST = "manifest";
    /** Files of the area's top level that are not kinds. */
    private static final Set<String> RESERVED = Set.of(MANIFEST, DeviceKeys.FILE, PinFile.DEFAULT_NAME);

    private final Path area;
    private final SecureRandom random;
    private final Consumer<String> warn;
    private final DeviceKeys keys;
    private final String keysProblem;
    private Manifest manifest = new Manifest();
    private String manifestProblem;
    /** For tests: called at the steps of a change ({@code intent}, {@code done}); throwing there simulates a crash. */
    Consumer<String> crashPoint = step -> { };

    private FileObjectStore(Path area, SecureRandom random, Consumer<String> warn, DeviceKeys keys, String keysProblem) {
        this.area = area;
        this.random = random;
        this.warn = warn;
        this.keys = keys;
        this.keysProblem = keysProblem;
    }

    /**
     * Opens the store in {@code area} (created owner-only when missing), making the device key on first
     * use. A missing or damaged device key or manifest does not stop it opening: the store reports it
     * ({@link #verifyIntegrity()}) and refuses what needs them.
     */
    public static FileObjectStore open(Path area, SecureRandom random, Consumer<String> warn) throws IOException {
        if (!Files.isDirectory(area)) {
            Files.createDirectories(area.getParent());
            Files.createDirectory(area, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        removeTemporaries(area);
        Path keyFile = area.resolve(DeviceKeys.FILE);
        boolean populated = Files.exists(area.resolve(MANIFEST)) || !objectFiles(area).isEmpty();
        DeviceKeys keys = null;
        String keysProblem = null;
        if (Files.exists(keyFile)) {
            try {
                keys = DeviceKeys.load(keyFile);
            } catch (DeviceKeys.Unusable e) {
                keysProblem = e.getMessage();
            }
        } else if (populated) {
            keysProblem = "device key " + keyFile + " is missing: the PKI objects can be neither verified nor decrypted";
        } else {
            keys = DeviceKeys.create(keyFile, random);
        }
        FileObjectStore store = new FileObjectStore(area, random, warn, keys, keysProblem);
        if (keysProblem != null) {
            warn.accept(keysProblem);
        } else {
            store.loadManifest(populated);
        }
        return store;
    }

    private void loadManifest(boolean populated) throws IOException {
        Path file = area.resolve(MANIFEST);
        if (Files.exists(file)) {
            try {
                ObjectFile decoded = ObjectFile.decode(Files.readAllBytes(file), keys);
                if (!decoded.kind.equals(MANIFEST) || !decoded.name.equals(MANIFEST)) {
                    throw new ObjectFile.Invalid(Problem.SWAPPED, "the file holds " + decoded.kind + " " + decoded.name);
                }
                manifest = Manifest.parse(decoded);
            } catch (ObjectFile.Invalid e) {
                manifestProblem = "the manifest " + file + " is damaged: " + e.getMessage();
            }
        } else if (populated) {
            manifestProblem = "the manifest " + file + " is missing";
        }
        if (manifestProblem != null) {
            warn.accept(manifestProblem);
            return;
        }
        settle();
    }

    /** Resolves changes a crash interrupted: each pending entry takes the state its file is in. */
    private void settle() throws IOException {
        boolean changed = false;
        for (Map.Entry<String, Set<String>> entry : new ArrayList<>(manifest.entries().entrySet())) {
            if (entry.getValue().size() == 1 && !entry.getValue().contains(Manifest.ABSENT)) {
                continue;
            }
            Path file = path(Manifest.kindOf(entry.getKey()), Manifest.nameOf(entry.getKey()));
            if (!Files.exists(file)) {
                if (entry.getValue().contains(Manifest.ABSENT)) {
                    manifest.remove(entry.getKey());
                    changed = true;
                }
                continue;
            }
            try {
                String tag = ObjectFile.decode(Files.readAllBytes(file), keys).tag();
                if (entry.getValue().contains(tag)) {
                    manifest.put(entry.getKey(), Set.of(tag));
                    changed = true;
                }
            } catch (ObjectFile.Invalid damaged) {
                // left for verifyIntegrity to name
            }
        }
        if (changed) {
            writeManifest();
        }
    }

    public Path area() {
        return area;
    }

    /** The device keys, for sealing other secrets (the token PIN); {@code UNAVAILABLE} when unusable. */
    DeviceKeys keys() throws PkiStoreException {
        if (keys == null) {
            throw new PkiStoreException(Reason.UNAVAILABLE, keysProblem);
        }
        return keys;
    }

    SecureRandom random() {
        return random;
    }

    Path path(String kind, String name) {
        return area.resolve(kind).resolve(name);
    }

    private static void checkKind(String kind) throws PkiStoreException {
        if (kind == null || !KIND.matcher(kind).matches() || RESERVED.contains(kind)) {
            throw new PkiStoreException(Reason.INVALID, "invalid PKI object kind '" + kind + "'");
        }
    }

    private static void checkName(String kind, String name) throws PkiStoreException {
        if (!PkiObjectStore.isValidName(name)) {
            throw new PkiStoreException(Reason.INVALID, "invalid " + kind + " name '" + name + "': " + PkiObjectStore.nameRule());
        }
    }

    // ------------------------------------------------------------------ changes

    @Override
    public synchronized void write(PkiObject object, byte[] secret) throws PkiStoreException {
        checkKind(object.kind());
        checkName(object.kind(), object.name());
        ensureWritable();
        ObjectFile.Encoded encoded = ObjectFile.encode(object.kind(), object.name(), object.attributes(), object.content(),
                secret, keys, random);
        String key = Manifest.key(object.kind(), object.name());
        Set<String> before = manifest.get(key);
        Set<String> pending = new LinkedHashSet<>(before == null ? Set.of(Manifest.ABSENT) : before);
        pending.add(encoded.tag);
        try {
            manifest.put(key, pending);
            writeManifest();
            crashPoint.accept("intent");
            AtomicFiles.write(path(object.kind(), object.name()), encoded.bytes);
            crashPoint.accept("done");
            manifest.put(key, Set.of(encoded.tag));
            writeManifest();
        } catch (IOException e) {
            throw new PkiStoreException(Reason.FAILED, "cannot write " + object + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean delete(String kind, String name) throws PkiStoreException {
        checkKind(kind);
        checkName(kind, name);
        Path file = path(kind, name);
        String key = Manifest.key(kind, name);
        Set<String> before = manifest.get(key);
        boolean present = Files.exists(file);
        if (!present && before == null) {
            return false;
        }
        ensureWritable();
        try {
            if (before != null) {
                Set<String> pending = new LinkedHashSet<>(before);
                pending.add(Manifest.ABSENT);
                manifest.put(key, pending);
                writeManifest();
            }
            crashPoint.accept("intent");
            AtomicFiles.delete(file);
            crashPoint.accept("done");
            manifest.remove(key);
            writeManifest();
        } catch (IOException e) {
            throw new PkiStoreException(Reason.FAILED, "cannot delete " + kind + " " + name + ": " + e.getMessage(), e);
        }
        return true;
    }

    private void ensureWritable() throws PkiStoreException {
        keys();
        if (manifestProblem != null) {
            rebuildManifest();
        }
    }

    /**
     * After the manifest was found missing or damaged (and reported), the next change rebuilds it from the
     * object files that pass their own check, so the store stays usable.
     */
    private void rebuildManifest() throws PkiStoreException {
        Manifest rebuilt = new Manifest();
        for (String key : objectFiles(area)) {
            String kind = Manifest.kindOf(key);
            String name = Manifest.nameOf(key);
            try {
                ObjectFile file = ObjectFile.decode(Files.readAllBytes(path(kind, name)), keys);
                if (file.kind.equals(kind) && file.name.equals(name)) {
                    rebuilt.put(key, Set.of(file.tag()));
                }
            } catch (ObjectFile.Invalid | IOException damaged) {
                // stays out of the manifest: verifyIntegrity names it as not recorded
            }
        }
        warn.accept(manifestProblem + "; rebuilt it from the " + rebuilt.entries().size() + " PKI objects that pass their own check");
        for (int i = 0; i < manifest.sequence(); i++) {
            rebuilt.next();
        }
        manifest = rebuilt;
        manifestProblem = null;
        try {
            writeManifest();
        } catch (IOException e) {
            throw new PkiStoreException(Reason.FAILED, "cannot write the manifest: " + e.getMessage(), e);
        }
    }

    private void writeManifest() throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sequence", Long.toString(manifest.next()));
        ObjectFile.Encoded encoded = ObjectFile.encode(MANIFEST, MANIFEST, attributes, manifest.content(), null, keys, random);
        AtomicFiles.write(area.resolve(MANIFEST), encoded.bytes);
    }

    // ------------------------------------------------------------------ reading

    @Override
    public boolean exists(String kind, String name) {
        return KIND.matcher(kind).matches() && PkiObjectStore.isValidName(name) && Files.exists(path(kind, name));
    }

    @Override
    public List<String> names(String kind) {
        List<String> names = new ArrayList<>();
        Path directory = area.resolve(kind);
        if (!KIND.matcher(kind).matches() || !Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && PkiObjectStore.isValidName(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            warn.accept("cannot list " + directory + ": " + e.getMessage());
        }
        names.sort(null);
        return names;
    }

    /** The names on disk and those the manifest records (whose file may be gone), sorted. */
    public synchronized List<String> recordedNames(String kind) {
        Set<String> all = new TreeSet<>(names(kind));
        for (String key : manifest.entries().keySet()) {
            if (Manifest.kindOf(key).equals(kind)) {
                all.add(Manifest.nameOf(key));
            }
        }
        return new ArrayList<>(all);
    }

    @Override
    public Optional<PkiObject> read(String kind, String name) throws PkiStoreException {
        ObjectFile file = checked(kind, name);
        return file == null ? Optional.empty()
                : Optional.of(new PkiObject(file.kind, file.name, file.attributes, file.content, file.sealed != null));
    }

    @Override
    public <R> R withSecret(String kind, String name, SecretFunction<R> use) throws PkiStoreException {
        return withObjectAndSecret(kind, name, (object, secret) -> use.apply(secret));
    }

    /** Something done with an object and its decrypted secret. */
    @FunctionalInterface
    public interface ObjectSecretFunction<R> {
        R apply(PkiObject object, byte[] secret) throws Exception;
    }

    /**
     * {@link #withSecret} that also hands over the object (checked in the same read). The array is wiped
     * when {@code use} returns or throws; runtime exceptions of {@code use} pass through.
     */
    public <R> R withObjectAndSecret(String kind, String name, ObjectSecretFunction<R> use) throws PkiStoreException {
        ObjectFile file = checked(kind, name);
        if (file == null) {
            throw new PkiStoreException(Reason.NOT_FOUND, kind + " " + name + " does not exist");
        }
        if (file.sealed == null) {
            throw new PkiStoreException(Reason.INVALID, kind + " " + name + " holds no secret");
        }
        byte[] clear = null;
        try {
            clear = keys.open(file.sealed, file.sealedAad);
            return use.apply(new PkiObject(file.kind, file.name, file.attributes, file.content, true), clear);
        } catch (GeneralSecurityException e) {
            throw new PkiStoreException(Reason.DAMAGED, new IntegrityFinding(kind, name, Problem.KEY_MISMATCH,
                    path(kind, name), "its secret does not decrypt under this device's key-encryption key").message(), e);
        } catch (PkiStoreException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PkiStoreException(Reason.FAILED, kind + " " + name + ": " + e.getMessage(), e);
        } finally {
            Zeroing.wipe(clear);
        }
    }

    /** The checked file, {@code null} when the object does not exist, {@code DAMAGED} when it fails a check. */
    private ObjectFile checked(String kind, String name) throws PkiStoreException {
        checkKind(kind);
        checkName(kind, name);
        keys();
        Inspection inspection;
        synchronized (this) {
            if (!Files.exists(path(kind, name))) {
                Set<String> expected = manifest.get(Manifest.key(kind, name));
                if (manifestProblem != null || expected == null || expected.contains(Manifest.ABSENT)) {
                    return null;
                }
            }
            inspection = inspect(kind, name);
        }
        if (inspection.finding != null) {
            throw new PkiStoreException(Reason.DAMAGED, inspection.finding.message());
        }
        return inspection.file;
    }

    /** A file that passed, or what is wrong with it. */
    private static final class Inspection {
        final ObjectFile file;
        final IntegrityFinding finding;

        Inspection(ObjectFile file, IntegrityFinding finding) {
            this.file = file;
            this.finding = finding;
        }
    }

    private Inspection inspect(String kind, String name) {
        Path path = path(kind, name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new Inspection(null, new IntegrityFinding(kind, name, Problem.MISSING, path,
                    "the manifest records it but the file is gone"));
        } catch (IOException e) {
            return new Inspection(null, new IntegrityFinding(kind, name, Problem.MODIFIED, path, "cannot read: " + e));
        }
        ObjectFile file;
        try {
            file = ObjectFile.decode(bytes, keys);
        } catch (ObjectFile.Invalid e) {
            return new Inspection(null, new IntegrityFinding(kind, name, e.problem, path, e.getMessage()));
        }
        if (!file.kind.equals(kind) || !file.name.equals(name)) {
            return new Inspection(null, new IntegrityFinding(kind, name, Problem.SWAPPED, path,
                    "the file holds " + file.kind + " " + file.name + " (files swapped, renamed or copied over)"));
        }
        if (manifestProblem == null) {
            Set<String> expected = manifest.get(Manifest.key(kind, name));
            if (expected == null) {
                return new Inspection(null, new IntegrityFinding(kind, name, Problem.UNEXPECTED, path,
                        "a valid file that the manifest does not record (put there outside secplane?)"));
            }
            if (!expected.contains(file.tag())) {
                return new Inspection(null, new IntegrityFinding(kind, name, Problem.REPLACED, path,
                        "a valid file of this object, but not the version the manifest records (an older copy put back?)"));
            }
        }
        return new Inspection(file, null);
    }

    // ------------------------------------------------------------------ integrity

    /** The outcome of the file checks, before deeper checks of key pairs. */
    public static final class Verification {
        /** objects whose file passed, by {@code kind/name} */
        public final Map<String, PkiObject> passed = new TreeMap<>();
        public final List<IntegrityFinding> findings = new ArrayList<>();
        public int objects;

        /** Adds a finding for an object that passed the file checks (it no longer counts as passed). */
        public void fail(IntegrityFinding finding) {
            findings.add(finding);
            passed.remove(Manifest.key(finding.kind(), finding.name()));
        }

        public IntegrityReport report() {
            List<String> verified = new ArrayList<>();
            passed.keySet().forEach(key -> verified.add(Manifest.kindOf(key) + " " + Manifest.nameOf(key)));
            return new IntegrityReport(objects, verified, findings);
        }
    }

    @Override
    public IntegrityReport verifyIntegrity() {
        return verifyFiles().report();
    }

    /** Checks the device key, the manifest and every object file. */
    public synchronized Verification verifyFiles() {
        Verification result = new Verification();
        Set<String> all = new TreeSet<>(objectFiles(area));
        all.addAll(manifest.entries().keySet());
        if (keys == null) {
            result.findings.add(new IntegrityFinding(null, null, Problem.DEVICE_KEY, area.resolve(DeviceKeys.FILE), keysProblem));
            result.objects = all.size();
            return result;
        }
        if (manifestProblem != null) {
            result.findings.add(new IntegrityFinding(null, null, Problem.MANIFEST, area.resolve(MANIFEST), manifestProblem));
        }
        for (String stray : strayFiles(area)) {
            result.findings.add(new IntegrityFinding(Manifest.kindOf(stray), Manifest.nameOf(stray), Problem.UNEXPECTED,
                    area.resolve(stray), "not a PKI object file name"));
            result.objects++;
        }
        for (String key : all) {
            String kind = Manifest.kindOf(key);
            String name = Manifest.nameOf(key);
            Set<String> expected = manifest.get(key);
            if (!Files.exists(path(kind, name)) && expected != null && expected.contains(Manifest.ABSENT)) {
                continue; // a deletion a crash interrupted: not an object
            }
            result.objects++;
            Inspection inspection = inspect(kind, name);
            if (inspection.finding != null) {
                result.findings.add(inspection.finding);
                continue;
            }
            ObjectFile file = inspection.file;
            if (file.sealed != null) {
                byte[] clear = null;
                try {
                    clear = keys.open(file.sealed, file.sealedAad);
                } catch (GeneralSecurityException e) {
                    result.findings.add(new IntegrityFinding(kind, name, Problem.KEY_MISMATCH, path(kind, name),
                            "its secret does not decrypt under this device's key-encryption key"));
                    continue;
                } finally {
                    Zeroing.wipe(clear);
                }
            }
            result.passed.put(key, new PkiObject(file.kind, file.name, file.attributes, file.content, file.sealed != null));
        }
        return result;
    }

    /** {@code kind/name} of every object file on disk. */
    private static Set<String> objectFiles(Path area) {
        Set<String> keys = new TreeSet<>();
        scan(area, keys, null);
        return keys;
    }

    /** {@code kind/file} of files in kind directories that cannot be objects. */
    private static Set<String> strayFiles(Path area) {
        Set<String> stray = new TreeSet<>();
        scan(area, null, stray);
        return stray;
    }

    private static void scan(Path area, Set<String> objects, Set<String> stray) {
        try (DirectoryStream<Path> kinds = Files.newDirectoryStream(area)) {
            for (Path directory : kinds) {
                String kind = directory.getFileName().toString();
                if (!Files.isDirectory(directory) || !KIND.matcher(kind).matches() || RESERVED.contains(kind)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        if (name.startsWith(".") && name.endsWith(".tmp")) {
                            continue;
                        }
                        boolean object = Files.isRegularFile(file) && PkiObjectStore.isValidName(name);
                        Set<String> target = object ? objects : stray;
                        if (target != null) {
                            target.add(Manifest.key(kind, name));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + area, e);
        }
    }

    /** Temporary files an interrupted {@link AtomicFiles#write} left behind. */
    private static void removeTemporaries(Path area) throws IOException {
        List<Path> directories = new ArrayList<>();
        directories.add(area);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(area)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    directories.add(entry);
                }
            }
        }
        for (Path directory : directories) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*.tmp")) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (keys != null) {
            keys.close();
        }
    }
}
