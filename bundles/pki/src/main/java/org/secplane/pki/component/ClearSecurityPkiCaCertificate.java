package org.secplane.pki.component;

import java.io.IOException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secplane.cli.ArgumentSpec;
import org.secplane.cli.Invocation;
import org.secplane.cli.OperationalCommand;
import org.secplane.config.schema.Types;
import org.secplane.pki.internal.cert.PkiException;

/**
 * {@code clear security pki ca-certificate (ca-profile (P | all) | ca-profile-group G)} (pki.md §3.3): asks for
 * confirmation first ("You are asked for confirmation before a CA certificate can be deleted", L1426; the
 * guide gives no text, so the question names what goes), deletes only on yes, and prints nothing else.
 * The CA profile's configuration stays (§4.14). {@code ca-profile-group} removes a group's
 * {@code G_n_sysgen} certificates (§6.2 #24).
 */
@Component(service = OperationalCommand.class)
public class ClearSecurityPkiCaCertificate extends PkiCommand {

    @Activate
    public ClearSecurityPkiCaCertificate(@Reference CertificatesComponent certificates) {
        super(certificates);
    }

    @Override
    public String name() {
        return "clear security pki ca-certificate";
    }

    @Override
    public String help() {
        return "Clear certificate authority (CA) digital certificates";
    }

    @Override
    public ArgumentSpec arguments() {
        return ArgumentSpec.builder()
                .option("ca-profile", caProfile("all"), "Delete the CA certificate of this CA profile, or all")
                .option("ca-profile-group", Types.string("ca-group-name"), "Delete the CA certificates of this CA profile group")
                .exclusive("ca-profile", "ca-profile-group")
                .build();
    }

    @Override
    void run(Invocation invocation) throws PkiException, IOException {
        String profile = invocation.arguments().get("ca-profile").orElse(null);
        String group = invocation.arguments().get("ca-profile-group").orElse(null);
        if (group != null) {
            if (engine.groupMembers(group).isEmpty()) {
                throw new PkiException("CA profile group " + group + " does not exist");
            }
            if (invocation.confirm("Do you want to delete the CA certificates of CA profile group " + group + " ?")) {
                engine.clearGroup(group);
            }
            return;
        }
        if (profile == null) {
            throw new PkiException("syntax error, expecting ca-profile (<ca-profile-name> | all) | ca-profile-group <ca-group-name>");
        }
        if (profile.equals("all")) {
            if (invocation.confirm("Do you want to delete all CA certificates ?")) {
                engine.clearAllCaCertificates();
            }
            return;
        }
        if (!engine.hasCaCertificate(profile)) {
            throw new PkiException("CA profile " + profile + " has no CA certificate");
        }
        if (invocation.confirm("Do you want to delete the CA certificate of CA profile " + profile + " ?")) {
            engine.clearCaCertificate(profile);
        }
    }
}
