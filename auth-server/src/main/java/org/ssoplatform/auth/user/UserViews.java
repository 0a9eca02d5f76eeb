package org.ssoplatform.auth.user;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.ssoplatform.auth.role.RoleViews;

@Component
public class UserViews {

    private final UserRepository users;

    private final RoleViews roles;

    UserViews(UserRepository users, RoleViews roles) {
        this.users = users;
        this.roles = roles;
    }

    public Optional<UserView> find(long userId) {
        return users.findById(userId).map(this::of);
    }

    public UserView of(User user) {
        return new UserView(user.id(), user.email(), user.fullName(), user.avatarUrl(), user.active(), user.superuser(),
                user.createdAt(), roles.of(user.roleIds()));
    }
}
