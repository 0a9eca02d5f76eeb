package org.ssoplatform.auth.user;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a user may do right now, read in one query: the claims of their next token. */
@Component
public class UserGrants {

    public record Grants(long userId, String email, boolean emailVerified, boolean active, List<String> roles,
            List<String> permissions) {
    }

    private final JdbcClient jdbc;

    UserGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Grants> load(long userId) {
        return jdbc.sql("""
                SELECT u.id, u.email, u.email_verified, u.is_active,
                       array_remove(array_agg(DISTINCT r.name ORDER BY r.name), NULL) AS roles,
                       array_remove(array_agg(DISTINCT p.name ORDER BY p.name), NULL) AS permissions
                FROM users u
                LEFT JOIN user_roles ur ON ur.user_id = u.id
                LEFT JOIN roles r ON r.id = ur.role_id
                LEFT JOIN role_permissions rp ON rp.role_id = r.id
                LEFT JOIN permissions p ON p.id = rp.permission_id
                WHERE u.id = :id
                GROUP BY u.id""")
            .param("id", userId)
            .query((rs, n) -> new Grants(rs.getLong("id"), rs.getString("email"), rs.getBoolean("email_verified"),
                    rs.getBoolean("is_active"),
                    strings(rs.getArray("roles")), strings(rs.getArray("permissions"))))
            .optional();
    }

    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
