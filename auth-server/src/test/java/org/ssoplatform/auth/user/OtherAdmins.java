package org.ssoplatform.auth.user;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The last-admin rules tested on a database other tests share, whose other admins are set aside meanwhile. */
final class OtherAdmins {

    private OtherAdmins() {
    }

    /** Runs the check with every admin but {@code admin} inactive, then restores them. */
    static void inactiveDuring(JdbcClient jdbc, User admin, Runnable check) {
        List<Long> others = jdbc.sql("""
                SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
                WHERE r.name = 'admin' AND u.is_active AND u.id <> ?""").param(admin.id()).query(Long.class).list();
        others.forEach(id -> jdbc.sql("UPDATE users SET is_active = false WHERE id = ?").param(id).update());
        try {
            check.run();
        }
        finally {
            others.forEach(id -> jdbc.sql("UPDATE users SET is_active = true WHERE id = ?").param(id).update());
        }
    }
}
