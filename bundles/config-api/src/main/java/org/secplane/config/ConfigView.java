package org.secplane.config;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A read-only statement of a configuration and everything below it. A container or list entry is a
 * block with children; a leaf carries its value(s) as arguments; a list entry carries its key as
 * arguments; an entry of a keyword-less list ({@code interfaces ge-0/0/0}) has its name as keyword.
 * Secret values appear sealed ({@code $8$…}); {@link ConfigurationService#revealSecret} opens them.
 */
@ProviderType
public interface ConfigView {

    String keyword();

    List<String> arguments();

    /** The first argument (a leaf's value, a single-word key), or {@code null}. */
    String value();

    boolean isBlock();

    List<ConfigView> children();

    /** All children with this keyword, in order (the entries of a list). */
    List<ConfigView> children(String keyword);

    /** The first child with this keyword. */
    Optional<ConfigView> child(String keyword);

    /** The entry of list {@code keyword} whose key (arguments joined by one space) is {@code key}. */
    Optional<ConfigView> entry(String keyword, String key);

    /** Follows first children by keyword: {@code find("security", "ike")}. */
    Optional<ConfigView> find(String... keywords);

    /** The value of the leaf at the relative keyword path, if configured. */
    Optional<String> leaf(String... keywords);

    /** The values of the leaf-list {@code keyword}; empty when not configured. */
    List<String> values(String keyword);

    /** Whether the statement at the relative keyword path is configured. */
    boolean has(String... keywords);

    /** The statement's words from the top level, e.g. {@code [security, ike, proposal, p1]}. */
    List<String> path();

    /** The enclosing statement, or {@code null} at the top level. */
    ConfigView parent();

    /** {@code keyword arguments…} as written on one line (without children). */
    String statementText();
}
