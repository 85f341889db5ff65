package org.secplane.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.secplane.config.CommitInfo;
import org.secplane.core.AtomicFiles;

/**
 * The committed configurations, newest first: one file per commit ({@code commit-<sequence>.conf},
 * written atomically with fsync), so the active configuration is always the newest complete file and a
 * process killed during a commit leaves the previous one in effect. Keeps {@value #KEPT} commits: the
 * active one and 49 to roll back to.
 */
final class CommitStore {

    static final int KEPT = 50;
    private static final String PREFIX = "commit-";
    private static final String SUFFIX = ".conf";

    private final Path directory;

    CommitStore(Path directory) {
        this.directory = directory;
    }

    /** A stored commit's header and text. */
    static final class Stored {
        final CommitInfo info;
        final String text;

        Stored(CommitInfo info, String text) {
            this.info = info;
            this.text = text;
        }
    }

    /** Stored commits, newest first. */
    List<CommitInfo> history() throws IOException {
        List<CommitInfo> infos = new ArrayList<>();
        for (Path file : files()) {
            infos.add(read(file).info);
        }
        return infos;
    }

    /** Commit {@code n} back from the newest (0 = active), or {@code null}. */
    Stored get(int n) throws IOException {
        List<Path> files = files();
        return n < files.size() ? read(files.get(n)) : null;
    }

    Stored newest() throws IOException {
        return get(0);
    }

    /** Stores a new commit and forgets those beyond the kept number. */
    CommitInfo write(String storageText, String user, String client, String comment) throws IOException {
        Stored newest = newest();
        long sequence = newest == null ? 1 : newest.info.sequence() + 1;
        CommitInfo info = new CommitInfo(sequence, Instant.now(), user, client, comment);
        StringBuilder text = new StringBuilder();
        text.append("## secplane commit ").append(sequence).append('\n');
        text.append("## time: ").append(info.time()).append('\n');
        text.append("## user: ").append(oneLine(user)).append('\n');
        text.append("## client: ").append(oneLine(client)).append('\n');
        text.append("## comment: ").append(oneLine(comment)).append('\n');
        text.append(storageText);
        AtomicFiles.write(directory.resolve(String.format("%s%010d%s", PREFIX, sequence, SUFFIX)),
                text.toString().getBytes(StandardCharsets.UTF_8));
        List<Path> files = files();
        for (Path old : files.subList(Math.min(KEPT, files.size()), files.size())) {
            AtomicFiles.delete(old);
        }
        return info;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    private static Stored read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        long sequence = Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        Instant time = Instant.EPOCH;
        String user = "";
        String client = "";
        String comment = "";
        for (String line : text.split("\n")) {
            if (!line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("## time: ")) {
                time = Instant.parse(line.substring(9).trim());
            } else if (line.startsWith("## user: ")) {
                user = line.substring(9);
            } else if (line.startsWith("## client: ")) {
                client = line.substring(11);
            } else if (line.startsWith("## comment: ")) {
                comment = line.substring(12);
            }
        }
        return new Stored(new CommitInfo(sequence, time, user, client, comment), text);
    }
}
