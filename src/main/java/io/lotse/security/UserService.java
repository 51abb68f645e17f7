package io.lotse.security;

import io.lotse.platform.Conflict;
import io.lotse.platform.Unprocessable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Creates, lists and changes users; admins use it to give agents and ops their accounts and roles. */
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

    /** The user name is not known. */
    public static final class UserNotFound extends io.lotse.platform.DomainException {
        UserNotFound(String username) {
            super(404, "Not found", "User '" + username + "' does not exist.");
        }
    }

    @Transactional
    public UserView create(String username, String password, Set<String> roleIds) {
        EnumSet<Role> roles = roles(roleIds);
        if (User.findByUsername(username).isPresent()) {
            throw new Conflict("User '" + username + "' exists already.");
        }
        return UserView.of(User.create(username, hashing.hash(password), roles, clock.instant()));
    }

    /**
     * Gives a user other roles; they apply from the user's next request (sessions carry no roles). The last
     * admin cannot lose the role, or nobody could manage users any more.
     */
    @Transactional
    public UserView changeRoles(String username, Set<String> roleIds) {
        EnumSet<Role> roles = roles(roleIds);
        User user = User.findByUsername(username).orElseThrow(() -> new UserNotFound(username));
        if (user.roleList().contains(Role.admin) && !roles.contains(Role.ADMIN)
                && User.<User>listAll().stream().filter(u -> u.roleList().contains(Role.admin)).count() == 1) {
            throw new Unprocessable("'" + username + "' is the only admin; make another user admin first.");
        }
        user.roles = String.join(",", roles.stream().map(Role::id).sorted().toList());
        return UserView.of(user);
    }

    /** Sets a new password, e.g. for an agent who forgot theirs. */
    @Transactional
    public UserView resetPassword(String username, String password) {
        User user = User.findByUsername(username).orElseThrow(() -> new UserNotFound(username));
        user.passwordHash = hashing.hash(password);
        return UserView.of(user);
    }

    private static EnumSet<Role> roles(Set<String> roleIds) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : roleIds) {
            roles.add(Role.fromId(id).orElseThrow(() -> new Unprocessable("Unknown role '" + id + "'; use agent, ops or admin.")));
        }
        if (roles.isEmpty()) {
            throw new Unprocessable("A user needs at least one role.");
        }
        return roles;
    }

    @Transactional
    public List<UserView> list() {
        return User.<User>listAll().stream().map(UserView::of).toList();
    }
}
