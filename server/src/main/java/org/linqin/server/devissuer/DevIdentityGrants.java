package org.linqin.server.devissuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linqin.core.security.CommunityRole;
import org.linqin.core.security.IdentityDirectory;
import org.linqin.server.demo.DemoUser;
import org.linqin.server.demo.DemoUsers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The development issuer's stand-in for Keycloak groups (embedded profile only): the groups of each demo user,
 * starting from {@code demo/users.json} and changed by appointments, kept in a file beside the embedded database
 * so they survive restarts. Tokens from {@code /dev/token} carry these groups.
 */
@ApplicationScoped
@Typed(DevIdentityGrants.class) // not a second IdentityDirectory: IdentityDirectoryProducer chooses
public class DevIdentityGrants implements IdentityDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "linqin.dev-issuer.grants-file", defaultValue = "linqin-data/dev-identity-grants.json")
    Path file;

    @Inject
    DemoUsers users;

    @Override
    public void createCommunityGroups(String communityCode) {
        // groups exist implicitly in the development issuer
    }

    @Override
    public synchronized void grant(String subject, String communityCode, CommunityRole role) {
        Map<String, TreeSet<String>> groups = read();
        groups.computeIfAbsent(subject, s -> new TreeSet<>(initialGroups(s)))
                .add("/communities/" + communityCode + "/" + role.id());
        write(groups);
    }

    @Override
    public synchronized void revoke(String subject, String communityCode, CommunityRole role) {
        Map<String, TreeSet<String>> groups = read();
        groups.computeIfAbsent(subject, s -> new TreeSet<>(initialGroups(s)))
                .remove("/communities/" + communityCode + "/" + role.id());
        write(groups);
    }

    /** The groups to put in a token for this demo user. */
    public synchronized List<String> groupsOf(DemoUser user) {
        TreeSet<String> changed = read().get(user.subject());
        return changed == null ? user.groups() : List.copyOf(changed);
    }

    private List<String> initialGroups(String subject) {
        return users.all().stream().filter(u -> u.subject().equals(subject)).findFirst()
                .map(DemoUser::groups).orElse(new ArrayList<>());
    }

    private Map<String, TreeSet<String>> read() {
        try {
            return Files.exists(file) ? JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, TreeSet<String>>>() {
            }) : new TreeMap<>();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private void write(Map<String, TreeSet<String>> groups) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), groups);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
    }
}
