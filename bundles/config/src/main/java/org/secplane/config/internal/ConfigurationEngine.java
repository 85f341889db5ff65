package org.secplane.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.secplane.config.CommitCheck;
import org.secplane.config.CommitInfo;
import org.secplane.config.CommitRequest;
import org.secplane.config.ConfigView;
import org.secplane.config.ConfigurationService;
import org.secplane.config.ConfigurationSession;
import org.secplane.config.Outcome;
import org.secplane.config.schema.Container;
import org.secplane.config.schema.Schema;
import org.secplane.core.AtomicFiles;
import org.secplane.core.Json;

/**
 * The configuration engine: the shared candidate, the active configuration, commits (all-or-nothing,
 * crash-safe), rollback history, confirmed commits. Plain Java; the DS component feeds it schema
 * contributions and commit checks and applies its projection to Config Admin.
 */
public final class ConfigurationEngine implements ConfigurationService, AutoCloseable {

    private static final String CONFIRM_MARKER = "commit-confirm.pending";

    private final Path directory;
    private final CommitStore store;
    private final Sealer sealer;
    private final Renderer renderer;
    private final List<CommitCheck> checks = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<ConfigView, CommitInfo>> commitHooks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final Consumer<String> notices;

    private volatile Schema schema = Schema.empty();
    private List<Schema.Anchored> contributions = new ArrayList<>();
    private Node active;
    private CommitInfo activeInfo;
    private Node candidate;
    private ScheduledFuture<?> pendingRollback;
    private long pendingConfirmSequence = -1;

    /**
     * Opens the configuration kept in {@code directory}; {@code notices} receives messages for the log
     * (automatic rollbacks, damaged files).
     */
    public ConfigurationEngine(Path directory, Consumer<String> notices) throws IOException {
        this.directory = directory;
        this.notices = notices;
        this.store = new CommitStore(directory);
        this.sealer = Sealer.withKeyFile(directory.resolve("device.key"));
        this.renderer = new Renderer(sealer);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secplane-commit-confirm");
            thread.setDaemon(true);
            return thread;
        });
        CommitStore.Stored newest = store.newest();
        if (newest == null) {
            active = Node.root();
            activeInfo = new CommitInfo(0, Instant.EPOCH, "", "factory-default", "empty configuration");
        } else {
            active = parseStored(newest);
            activeInfo = newest.info;
        }
        candidate = active.copy();
        resumePendingConfirmation();
    }

    private Node parseStored(CommitStore.Stored stored) throws IOException {
        try {
            return BraceText.toTree(BraceText.parse(stored.text, "commit " + stored.info.sequence()));
        } catch (ConfigSyntaxException e) {
            throw new IOException("stored configuration is damaged: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- wiring

    public synchronized void setContributions(List<Schema.Anchored> statements) {
        this.contributions = new ArrayList<>(statements);
        this.schema = Schema.merge(contributions);
        for (String clash : schema.clashes()) {
            notices.accept("schema statement defined by two bundles, the first kept: " + clash);
        }
    }

    public void addCheck(CommitCheck check) {
        checks.add(check);
    }

    public void removeCheck(CommitCheck check) {
        checks.remove(check);
    }

    /** Called after every commit (and by {@link #replay}) with the new active configuration. */
    public void addCommitHook(BiConsumer<ConfigView, CommitInfo> hook) {
        commitHooks.add(hook);
    }

    /** Runs the commit hooks again for the active configuration (after a restart or a schema change). */
    public void replay() {
        ConfigView view;
        CommitInfo info;
        synchronized (this) {
            view = active.copy();
            info = activeInfo;
        }
        for (BiConsumer<ConfigView, CommitInfo> hook : commitHooks) {
            hook.accept(view, info);
        }
    }

    /** The objects that the active configuration projects into Config Admin. */
    public synchronized List<Projection.ConfiguredObject> projection() {
        return Projection.of(active, schema.root(), activeInfo.sequence());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    // ---------------------------------------------------------------- ConfigurationService

    @Override
    public synchronized ConfigView active() {
        return active.copy();
    }

    @Override
    public synchronized CommitInfo activeCommit() {
        return activeInfo;
    }

    @Override
    public List<CommitInfo> history() {
        try {
            return store.history();
        } catch (IOException e) {
            notices.accept("cannot read the commit history: " + e.getMessage());
            return List.of(activeInfo);
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ConfigurationSession openSession(String user) {
        return new Session(user);
    }

    @Override
    public byte[] revealSecret(String sealed) {
        try {
            return sealer.open(sealed);
        } catch (ConfigSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public synchronized String showActive(List<String> path, OutputFormat format) {
        Outcome shown = show(active, List.of(), path, format);
        return String.join("\n", shown.lines());
    }

    // ---------------------------------------------------------------- operations on a tree

    private Editor editor() {
        return new Editor(schema.root(), sealer);
    }

    private Outcome show(Node tree, List<String> level, List<String> words, OutputFormat format) {
        List<String> absolute = concat(level, words);
        Editor.Level target;
        try {
            target = editor().locate(absolute, true);
        } catch (ConfigSyntaxException e) {
            return Outcome.failed("error: " + e.getMessage());
        }
        Node node = target.find(tree);
        if (node == null) {
            return Outcome.ok(format == OutputFormat.JSON ? List.of(Json.write(Map.of("configuration", Map.of())).trim())
                    : List.of());
        }
        String text;
        if (target.leaf != null) {
            Node holder = Node.root();
            holder.append(node.copy());
            text = format == OutputFormat.SET
                    ? String.join("\n", renderer.setCommands(holder, target.schema, quoted(target.parentWords())))
                    : renderer.text(holder, target.schema, 0);
        } else if (format == OutputFormat.SET) {
            text = String.join("\n", renderer.setCommands(node, target.schema, quoted(target.words)));
        } else if (format == OutputFormat.JSON) {
            text = Json.write(Map.of("configuration", renderer.json(node, target.schema))).trim();
        } else {
            text = renderer.text(node, target.schema, 0);
        }
        return Outcome.ok(text.isEmpty() ? List.of() : List.of(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
    }

    private static List<String> quoted(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(org.secplane.config.Words.quote(word));
        }
        return quoted;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Applies brace-form statements below {@code level} of {@code tree}; collects every error. */
    private void loadBraces(Node tree, List<String> level, List<BraceText.Statement> statements, String source,
            List<String> errors) {
        Editor editor = editor();
        for (BraceText.Statement statement : statements) {
            List<String> words = concat(level, statement.words);
            try {
                if (statement.isBlock()) {
                    Editor.Level block = editor.locate(words, false);
                    editor.set(tree, block.words);
                    loadBraces(tree, block.words, statement.children, source, errors);
                } else {
                    editor.set(tree, words);
                }
            } catch (ConfigSyntaxException e) {
                errors.add(source + ":" + statement.line + ": " + e.getMessage());
            }
        }
    }

    /** Applies a file of {@code set}/{@code delete}/{@code edit}/{@code up}/{@code top} lines. */
    private void loadSetLines(Node tree, String text, String source, List<String> errors) {
        Editor editor = editor();
        List<String> level = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                List<String> words = org.secplane.config.Words.split(line);
                String command = words.get(0);
                List<String> rest = words.subList(1, words.size());
                switch (command) {
                    case "set":
                        editor.set(tree, concat(level, rest));
                        break;
                    case "delete":
                        if (!editor.delete(tree, concat(level, rest))) {
                            errors.add(source + ":" + (n + 1) + ": warning: statement not found: " + String.join(" ", rest));
                        }
                        break;
                    case "edit":
                        level = new ArrayList<>(editor.locate(concat(level, rest), false).words);
                        break;
                    case "top":
                        level = new ArrayList<>();
                        if (!rest.isEmpty()) {
                            // top set …, top edit …: the command runs from the top level
                            lines[n] = String.join(" ", rest.stream().map(org.secplane.config.Words::quote)
                                    .toArray(String[]::new));
                            n--;
                        }
                        break;
                    case "up":
                        level = new ArrayList<>(levelsUp(editor, level, 1));
                        break;
                    case "insert":
                        editor.insert(tree, concat(level, rest));
                        break;
                    default:
                        throw new ConfigSyntaxException("syntax error: '" + command
                                + "' is not a configuration command (set, delete, edit, up, top, insert)");
                }
            } catch (ConfigSyntaxException | IllegalArgumentException e) {
                errors.add(source + ":" + (n + 1) + ": " + e.getMessage());
            }
        }
    }

    /** The level {@code levels} up from {@code level} (a list entry counts as one level with its key). */
    private static List<String> levelsUp(Editor editor, List<String> level, int levels) throws ConfigSyntaxException {
        Editor.Level current = editor.locate(level, false);
        int keep = Math.max(0, current.steps.size() - levels);
        List<String> words = new ArrayList<>();
        for (Editor.Step step : current.steps.subList(0, keep)) {
            words.add(step.keyword);
            words.addAll(step.key);
        }
        return words;
    }

    // ---------------------------------------------------------------- commit

    private synchronized Outcome commit(CommitRequest request, String user, String client) {
        CommitReport report = new CommitReport(candidate, active, renderer);
        Validator.validate(candidate, schema.root(), report);
        for (CommitCheck check : checks) {
            try {
                check.check(report);
            } catch (RuntimeException e) {
                report.error(null, "commit check " + check.getClass().getSimpleName() + " failed: " + e);
            }
        }
        List<String> lines = new ArrayList<>(report.warnings());
        if (report.hasErrors()) {
            lines.addAll(report.errors());
            lines.add("error: configuration check-out failed");
            return Outcome.failed(lines);
        }
        if (request.checkOnly()) {
            lines.add("configuration check succeeds");
            return Outcome.ok(lines);
        }
        boolean confirming = pendingConfirmSequence >= 0;
        Node committed = candidate.copy();
        CommitInfo info;
        try {
            info = store.write(Renderer.storage(committed), user, client, request.comment());
            if (request.confirmMinutes() > 0) {
                markPendingConfirmation(info.sequence(), request.confirmMinutes());
            } else if (confirming) {
                clearPendingConfirmation();
            }
        } catch (IOException e) {
            lines.add("error: commit failed: cannot write the configuration: " + e.getMessage());
            return Outcome.failed(lines);
        }
        active = committed;
        activeInfo = info;
        if (request.confirmMinutes() > 0) {
            lines.add("commit confirmed will be automatically rolled back in " + request.confirmMinutes()
                    + " minutes unless confirmed");
        }
        lines.add("commit complete");
        fireCommitHooks();
        return Outcome.ok(lines);
    }

    private void fireCommitHooks() {
        ConfigView view = active.copy();
        CommitInfo info = activeInfo;
        for (BiConsumer<ConfigView, CommitInfo> hook : commitHooks) {
            try {
                hook.accept(view, info);
            } catch (RuntimeException e) {
                notices.accept("commit hook failed: " + e);
            }
        }
    }

    private void markPendingConfirmation(long sequence, int minutes) throws IOException {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(minutes);
        AtomicFiles.write(directory.resolve(CONFIRM_MARKER),
                (sequence + " " + deadline + "\n").getBytes(StandardCharsets.US_ASCII));
        schedule(sequence, deadline);
    }

    private void schedule(long sequence, long deadline) {
        if (pendingRollback != null) {
            pendingRollback.cancel(false);
        }
        pendingConfirmSequence = sequence;
        pendingRollback = timer.schedule(() -> rollbackUnconfirmed(sequence),
                Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    private void clearPendingConfirmation() throws IOException {
        if (pendingRollback != null) {
            pendingRollback.cancel(false);
            pendingRollback = null;
        }
        pendingConfirmSequence = -1;
        AtomicFiles.delete(directory.resolve(CONFIRM_MARKER));
    }

    private void resumePendingConfirmation() throws IOException {
        Path marker = directory.resolve(CONFIRM_MARKER);
        if (!Files.exists(marker)) {
            return;
        }
        String[] fields = new String(Files.readAllBytes(marker), StandardCharsets.US_ASCII).trim().split(" ");
        long sequence = Long.parseLong(fields[0]);
        long deadline = Long.parseLong(fields[1]);
        if (sequence != activeInfo.sequence()) {
            AtomicFiles.delete(marker);
            return;
        }
        schedule(sequence, deadline);
    }

    /** The confirmation timer ran out: go back to the configuration before the unconfirmed commit. */
    synchronized void rollbackUnconfirmed(long sequence) {
        if (pendingConfirmSequence != sequence || activeInfo.sequence() != sequence) {
            return;
        }
        try {
            CommitStore.Stored previous = store.get(1);
            Node restored = previous == null ? Node.root() : parseStored(previous);
            CommitInfo info = store.write(Renderer.storage(restored), "system", "confirmed-rollback",
                    "automatic rollback: commit " + sequence + " was not confirmed");
            clearPendingConfirmation();
            active = restored;
            activeInfo = info;
            candidate = restored.copy();
            notices.accept("Commit was not confirmed; automatic rollback complete");
            fireCommitHooks();
        } catch (IOException e) {
            notices.accept("automatic rollback of unconfirmed commit " + sequence + " failed: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- session

    /** One user's configuration mode over the shared candidate. */
    private final class Session implements ConfigurationSession {

        private final String user;
        private List<String> level = new ArrayList<>();

        Session(String user) {
            this.user = user;
        }

        @Override
        public String editBanner() {
            return Messages.banner(level);
        }

        @Override
        public List<String> editPath() {
            return List.copyOf(level);
        }

        /** Runs {@code change} on a copy of the candidate and keeps the copy only when it succeeds. */
        private Outcome change(TreeChange change) {
            synchronized (ConfigurationEngine.this) {
                Node working = candidate.copy();
                try {
                    List<String> messages = change.apply(working);
                    candidate = working;
                    return Outcome.ok(messages);
                } catch (ConfigSyntaxException e) {
                    return Outcome.failed("error: " + e.getMessage());
                }
            }
        }

        @Override
        public Outcome set(List<String> words) {
            return change(tree -> {
                editor().set(tree, concat(level, words));
                return List.of();
            });
        }

        @Override
        public Outcome delete(List<String> words) {
            return change(tree -> editor().delete(tree, concat(level, words)) ? List.of()
                    : List.of("warning: statement not found"));
        }

        @Override
        public Outcome edit(List<String> words) {
            try {
                level = new ArrayList<>(editor().locate(concat(level, words), false).words);
                return Outcome.ok();
            } catch (ConfigSyntaxException e) {
                return Outcome.failed("error: " + e.getMessage());
            }
        }

        @Override
        public Outcome up(int levels) {
            try {
                level = levelsUp(editor(), level, levels);
                return Outcome.ok();
            } catch (ConfigSyntaxException e) {
                level = new ArrayList<>();
                return Outcome.ok();
            }
        }

        @Override
        public Outcome top() {
            level = new ArrayList<>();
            return Outcome.ok();
        }

        @Override
        public Outcome insert(List<String> words) {
            return change(tree -> {
                editor().insert(tree, concat(level, words));
                return List.of();
            });
        }

        @Override
        public Outcome show(List<String> words, OutputFormat format) {
            synchronized (ConfigurationEngine.this) {
                return ConfigurationEngine.this.show(candidate, level, words, format);
            }
        }

        @Override
        public Outcome compare(int rollback) {
            synchronized (ConfigurationEngine.this) {
                Node base = active;
                if (rollback > 0) {
                    try {
                        CommitStore.Stored stored = store.get(rollback);
                        if (stored == null) {
                            return Outcome.failed("error: rollback " + rollback + " does not exist (" + history().size()
                                    + " commits are stored)");
                        }
                        base = parseStored(stored);
                    } catch (IOException e) {
                        return Outcome.failed("error: " + e.getMessage());
                    }
                }
                return Outcome.ok(Differ.diff(base, candidate, schema.root(), renderer));
            }
        }

        @Override
        public Outcome load(LoadMode mode, String text, String sourceName) {
            List<String> errors = new ArrayList<>();
            synchronized (ConfigurationEngine.this) {
                Node working = mode == LoadMode.OVERRIDE ? Node.root() : candidate.copy();
                if (mode == LoadMode.SET) {
                    loadSetLines(working, text, sourceName, errors);
                } else {
                    try {
                        List<BraceText.Statement> statements = BraceText.parse(text, sourceName);
                        loadBraces(working, mode == LoadMode.MERGE_RELATIVE ? level : List.of(), statements, sourceName,
                                errors);
                    } catch (ConfigSyntaxException e) {
                        errors.add(e.getMessage());
                    }
                }
                List<String> failures = new ArrayList<>();
                List<String> warnings = new ArrayList<>();
                for (String error : errors) {
                    (error.contains(": warning: ") ? warnings : failures).add(error);
                }
                if (!failures.isEmpty()) {
                    List<String> lines = new ArrayList<>();
                    for (String failure : failures) {
                        lines.add("error: " + failure);
                    }
                    lines.add("error: load failed: " + failures.size() + (failures.size() == 1 ? " error" : " errors")
                            + "; the candidate configuration is unchanged");
                    return Outcome.failed(lines);
                }
                candidate = working;
                List<String> lines = new ArrayList<>(warnings);
                lines.add("load complete");
                return Outcome.ok(lines);
            }
        }

        @Override
        public Outcome rollback(int n) {
            if (n < 0 || n >= CommitStore.KEPT) {
                return Outcome.failed("error: rollback number must be 0.." + (CommitStore.KEPT - 1));
            }
            synchronized (ConfigurationEngine.this) {
                try {
                    if (n == 0) {
                        candidate = active.copy();
                        return Outcome.ok("load complete");
                    }
                    CommitStore.Stored stored = store.get(n);
                    if (stored == null) {
                        return Outcome.failed("error: rollback " + n + " does not exist (" + history().size()
                                + " commits are stored)");
                    }
                    candidate = parseStored(stored);
                    return Outcome.ok("load complete");
                } catch (IOException e) {
                    return Outcome.failed("error: " + e.getMessage());
                }
            }
        }

        @Override
        public Outcome commit(CommitRequest request) {
            return ConfigurationEngine.this.commit(request, user, "cli");
        }

        @Override
        public boolean hasUncommittedChanges() {
            synchronized (ConfigurationEngine.this) {
                return !candidate.sameTree(active);
            }
        }

        @Override
        public List<Completion> complete(List<String> words) {
            synchronized (ConfigurationEngine.this) {
                return editor().complete(candidate, concat(level, words));
            }
        }
    }

    @FunctionalInterface
    private interface TreeChange {
        List<String> apply(Node tree) throws ConfigSyntaxException;
    }

    /** For tests: the current schema's root. */
    Container schemaRoot() {
        return schema.root();
    }
}
