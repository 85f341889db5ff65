package org.secplane.config;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.secplane.config.schema.Schema;

/**
 * The configuration engine: the committed (active) configuration, its history, and editing sessions.
 * The committed configuration is the single source of truth; after every commit it is also projected
 * into Config Admin (one factory configuration per configured object).
 */
@ProviderType
public interface ConfigurationService {

    /** The active configuration's top level. */
    ConfigView active();

    /** The commit that made the active configuration. */
    CommitInfo activeCommit();

    /** Stored commits, newest first: index N is {@code rollback N}. */
    List<CommitInfo> history();

    /** The union of the installed bundles' schema. */
    Schema schema();

    /** Opens configuration mode for {@code user} on the shared candidate configuration. */
    ConfigurationSession openSession(String user);

    /** The clear text of a sealed secret value ({@code $8$…}); the caller zeroes the array when done. */
    byte[] revealSecret(String sealed);

    /** The active configuration in brace form as {@code show configuration} prints it. */
    String showActive(List<String> path, OutputFormat format);

    /** How configuration text is printed. */
    enum OutputFormat {
        /** brace form */
        TEXT,
        /** one {@code set} command per statement ({@code | display set}) */
        SET,
        /** JSON ({@code | display json}) */
        JSON
    }
}
