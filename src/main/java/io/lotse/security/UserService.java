package io.lotse.security;

import io.lotse.platform.Conflict;
import io.lotse.platform.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Creates and lists users; admins use it to give agents and ops their accounts. */
@ApplicationScoped
public class UserService {

    private final Clock clock;
    private final PasswordHashing hashing;

    UserService(Clock clock, PasswordHashing hashing) {
        this.clock = clock;
        this.hashing = hashing;
    }

    public record UserView(long id, String username, List<String> roles) {
        static UserView of(User user) {
            return new UserView(user.id, user.username, user.roleList());
        }
    }

    @Transactional
    public UserView create(String username, String password, Set<String> roleIds) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : roleIds) {
            roles.add(Role.fromId(id).orElseThrow(() -> new Unprocessable("Unknown role '" + id + "'; use agent, ops or admin.")));
        }
        if (roles.isEmpty()) {
            throw new Unprocessable("A user needs at least one role.");
        }
        if (User.findByUsername(username).isPresent()) {
            throw new Conflict("User '" + username + "' exists already.");
        }
        return UserView.of(User.create(username, hashing.hash(password), roles, clock.instant()));
    }

    @Transactional
    public List<UserView> list() {
        return User.<User>listAll().stream().map(UserView::of).toList();
    }
}
