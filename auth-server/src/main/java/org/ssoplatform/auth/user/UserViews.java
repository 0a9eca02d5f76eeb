package org.ssoplatform.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.role.Permission;
import org.ssoplatform.auth.role.RoleView;
import org.ssoplatform.auth.role.RoleViews;

@Component
public class UserViews {

    private final RoleViews roles;

    private final JdbcClient jdbc;

    UserViews(RoleViews roles, JdbcClient jdbc) {
        this.roles = roles;
        this.jdbc = jdbc;
    }

    /**
     * One user with roles and permissions in one query: {@code /users/me} and every JSON sign-in answer
     * with it, and loading the aggregates takes seven round trips (docs/performance.md). Sorted as
     * {@link RoleViews} sorts (by name, in code-point order).
     */
    public Optional<UserView> find(long userId) {
        List<Row> rows = jdbc.sql("""
                SELECT u.id, u.email, u.email_verified, u.full_name, u.avatar_url, u.is_active, u.is_superuser, u.created_at,
                       r.id AS role_id, r.name AS role_name, r.description AS role_description,
                       r.created_at AS role_created_at, p.id AS permission_id, p.name AS permission_name,
                       p.description AS permission_description, p.resource, p.action,
                       p.created_at AS permission_created_at
                FROM users u
                LEFT JOIN user_roles ur ON ur.user_id = u.id
                LEFT JOIN roles r ON r.id = ur.role_id
                LEFT JOIN role_permissions rp ON rp.role_id = r.id
                LEFT JOIN permissions p ON p.id = rp.permission_id
                WHERE u.id = :id
                ORDER BY r.name COLLATE "C", p.name COLLATE "C\"""")
            .param("id", userId)
            .query(Row::read)
            .list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(Row.assemble(rows));
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

    /** One line of {@link #find}: the user, and one of its role-permission pairs (either may be absent). */
    private record Row(User user, RoleView role, Permission permission) {

        static Row read(ResultSet rs, int n) throws SQLException {
            User user = new User(rs.getLong("id"), rs.getString("email"), rs.getBoolean("email_verified"),
                    rs.getString("full_name"), rs.getString("avatar_url"), rs.getBoolean("is_active"),
                    rs.getBoolean("is_superuser"),
                    instant(rs, "created_at"), null, Set.of());
            long roleId = rs.getLong("role_id");
            RoleView role = rs.wasNull() ? null : new RoleView(roleId, rs.getString("role_name"),
                    rs.getString("role_description"), instant(rs, "role_created_at"), List.of());
            long permissionId = rs.getLong("permission_id");
            Permission permission = rs.wasNull() ? null : new Permission(permissionId, rs.getString("permission_name"),
                    rs.getString("permission_description"), rs.getString("resource"), rs.getString("action"),
                    instant(rs, "permission_created_at"));
            return new Row(user, role, permission);
        }

        static UserView assemble(List<Row> rows) {
            Map<Long, RoleView> roles = new LinkedHashMap<>();
            Map<Long, List<Permission>> permissions = new LinkedHashMap<>();
            for (Row row : rows) {
                if (row.role() != null) {
                    roles.putIfAbsent(row.role().id(), row.role());
                    List<Permission> held = permissions.computeIfAbsent(row.role().id(), id -> new ArrayList<>());
                    if (row.permission() != null) {
                        held.add(row.permission());
                    }
                }
            }
            return view(rows.get(0).user(), roles.values().stream()
                .map(r -> new RoleView(r.id(), r.name(), r.description(), r.createdAt(), List.copyOf(permissions.get(r.id()))))
                .toList());
        }

        private static Instant instant(ResultSet rs, String column) throws SQLException {
            Timestamp timestamp = rs.getTimestamp(column);
            return timestamp == null ? null : timestamp.toInstant();
        }
    }

    private static UserView view(User user, List<RoleView> roles) {
        return new UserView(user.id(), user.email(), user.emailVerified(), user.fullName(), user.avatarUrl(), user.active(), user.superuser(),
                user.createdAt(), roles);
    }
}
