package org.ssoplatform.auth.user;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ssoplatform.auth.role.RoleView;
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
        return view(user, roles.of(user.roleIds()));
    }

    /** A page of users with their roles, in a fixed number of queries whatever the page size. */
    List<UserView> of(List<User> page) {
        Map<Long, RoleView> byId = roles.of(page.stream().flatMap(u -> u.roleIds().stream()).distinct().toList())
            .stream()
            .collect(Collectors.toMap(RoleView::id, Function.identity()));
        return page.stream()
            .map(user -> view(user, user.roleIds().stream().map(byId::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(RoleView::name)).toList()))
            .toList();
    }

    private static UserView view(User user, List<RoleView> roles) {
        return new UserView(user.id(), user.email(), user.fullName(), user.avatarUrl(), user.active(), user.superuser(),
                user.createdAt(), roles);
    }
}
