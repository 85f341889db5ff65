package org.secplane.config;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One user's configuration mode: a position in the hierarchy ({@code [edit …]}) over the shared
 * candidate configuration. Every operation is all-or-nothing: when it fails, the candidate is unchanged
 * and the outcome's lines say why.
 */
@ProviderType
public interface ConfigurationSession {

    /** The {@code [edit …]} banner of the current level. */
    String editBanner();

    /** The words of the current level, e.g. {@code [security, ike, proposal, p1]}. */
    List<String> editPath();

    Outcome set(List<String> words);

    Outcome delete(List<String> words);

    /** Moves to a level below the current one. */
    Outcome edit(List<String> words);

    /** Moves {@code levels} up. */
    Outcome up(int levels);

    Outcome top();

    /** {@code insert <path> (before | after) <keyword> <key>}: reorders list entries. */
    Outcome insert(List<String> words);

    /** The candidate below {@code words} (relative to the current level). */
    Outcome show(List<String> words, ConfigurationService.OutputFormat format);

    /** {@code show | compare [rollback N]}: the candidate against the active or a stored configuration. */
    Outcome compare(int rollback);

    /** Loads configuration text. {@code sourceName} names the file or {@code terminal} in messages. */
    Outcome load(LoadMode mode, String text, String sourceName);

    /** Replaces the candidate with stored configuration {@code n} (0 = active). */
    Outcome rollback(int n);

    Outcome commit(CommitRequest request);

    boolean hasUncommittedChanges();

    /** Completions for the next word after {@code words} at the current level, with their help texts. */
    List<Completion> complete(List<String> words);

    /** How {@code load} combines the text with the candidate. */
    enum LoadMode {
        /** brace form merged at the top level */
        MERGE,
        /** brace form merged at the current level */
        MERGE_RELATIVE,
        /** brace form replacing the whole candidate */
        OVERRIDE,
        /** one {@code set}/{@code delete} command per line */
        SET
    }

    /** A word that may come next, with its help text. */
    final class Completion {
        private final String word;
        private final String help;

        public Completion(String word, String help) {
            this.word = word;
            this.help = help;
        }

        public String word() {
            return word;
        }

        public String help() {
            return help;
        }
    }
}
