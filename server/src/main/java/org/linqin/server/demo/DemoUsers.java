package org.linqin.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo users of {@code demo/users.json}: one per role in {@code changqing-6}, two in
 * {@code demo-second}, and a newcomer who holds no role anywhere yet (their record in {@code changqing-6} awaits
 * resident verification). */
@ApplicationScoped
public class DemoUsers {

    private final List<DemoUser> users;

    public DemoUsers() {
        try (InputStream in = DemoUsers.class.getResourceAsStream("/demo/users.json")) {
            users = List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<DemoUser>>() {
            }));
        } catch (IOException e) {
            throw new IllegalStateException("demo/users.json is unreadable", e);
        }
    }

    public List<DemoUser> all() {
        return users;
    }

    public Optional<DemoUser> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
