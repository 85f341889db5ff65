package org.secplane.config.internal;

import java.util.ArrayList;
import java.util.List;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/** Collects the errors and warnings of one commit check and prints them the Junos way. */
final class CommitReport implements CommitContext {

    private final Node candidate;
    private final Node active;
    private final Renderer renderer;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    CommitReport(Node candidate, Node active, Renderer renderer) {
        this.candidate = candidate;
        this.active = active;
        this.renderer = renderer;
    }

    @Override
    public ConfigView candidate() {
        return candidate;
    }

    @Override
    public ConfigView active() {
        return active;
    }

    @Override
    public void error(ConfigView statement, String message) {
        errors.add(format(statement, "error: " + message));
    }

    @Override
    public void warning(ConfigView statement, String message) {
        warnings.add(format(statement, "warning: " + message));
    }

    @Override
    public byte[] revealSecret(ConfigView secretLeaf) {
        String value = secretLeaf.value();
        if (value == null) {
            return new byte[0];
        }
        try {
            return renderer.reveal(value);
        } catch (ConfigSyntaxException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    private static String format(ConfigView statement, String message) {
        if (statement == null || statement.parent() == null) {
            return message;
        }
        List<String> parentPath = statement.parent().path();
        String text = statement.isBlock() || !hasSealedValue(statement) ? statement.statementText() : statement.keyword();
        return Messages.banner(parentPath) + "\n  '" + text + "'\n    " + message;
    }

    private static boolean hasSealedValue(ConfigView statement) {
        return statement.arguments().stream().anyMatch(Sealer::isSealed);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<String> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }
}
