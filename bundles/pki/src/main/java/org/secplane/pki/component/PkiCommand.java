package org.secplane.pki.component;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.secplane.cli.CommandFailedException;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.schema.Types;
import org.secplane.config.schema.ValueType;
import org.secplane.pki.internal.cert.PkiCertificates;
import org.secplane.pki.internal.cert.PkiException;

/**
 * What the certificate commands share: the engine, file names, name types, and the translation of a
 * refused operation into the CLI's {@code error:} line.
 *
 * <p>File names: an absolute path is taken as it is; {@code ~/…} is below the home directory of the user
 * running secplane; anything else is relative to the CLI session's working directory (the distribution's
 * directory for {@code bin/client} and SSH sessions), as for {@code load merge FILE}. The guide's
 * {@code /var/tmp/…} paths therefore work as they are, and its bare names ({@code certnew.cer}) are files in
 * the working directory, as on Junos (pki.md §6.2 #16).
 */
abstract class PkiCommand implements OperationalCommand {

    static final ValueType FILENAME = Types.string("path/filename");

    protected final PkiCertificates engine;

    PkiCommand(CertificatesComponent certificates) {
        this.engine = certificates.engine();
    }

    @Override
    public final void execute(Invocation invocation) throws CommandFailedException {
        try {
            run(invocation);
        } catch (PkiException e) {
            throw new CommandFailedException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new CommandFailedException("cannot read the answer: " + e.getMessage(), e);
        }
    }

    abstract void run(Invocation invocation) throws PkiException, CommandFailedException, java.io.IOException;

    static Path file(Invocation invocation, String name) {
        if (name.equals("~") || name.startsWith("~/")) {
            return Paths.get(System.getProperty("user.home")).resolve(name.substring(1).replaceFirst("^/", ""));
        }
        return invocation.workingDirectory().resolve(name).toAbsolutePath().normalize();
    }

    ValueType localCertificateId(String extra) {
        return new ObjectNameType("certificate-id-name", engine::localCertificateIds, extra);
    }

    ValueType requestId(String extra) {
        return new ObjectNameType("certificate-id-name", engine::requestIds, extra);
    }

    ValueType caProfile(String extra) {
        return new ObjectNameType("ca-profile-name", () -> engine.caCertificates().stream()
                .map(c -> c.caProfile()).toList(), extra);
    }

    /** A certificate-id for a new object: completes nothing. */
    static ValueType newCertificateId() {
        return new ObjectNameType("certificate-id-name", List::of, null);
    }
}
