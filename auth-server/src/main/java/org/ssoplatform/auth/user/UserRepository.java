package org.ssoplatform.auth.user;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface UserRepository extends CrudRepository<User, Long>, PagingAndSortingRepository<User, Long> {

    @Query("SELECT * FROM users WHERE lower(email) = lower(:email)")
    Optional<User> findByEmailIgnoreCase(String email);

    Page<User> findByEmailContainingIgnoreCase(String email, Pageable pageable);

    // Row-level statements rather than saving the aggregate: saving rewrites every role row and column,
    // which would undo a concurrent change made elsewhere (a sign-in, another admin).

    @Modifying
    @Query("INSERT INTO user_roles (user_id, role_id) VALUES (:userId, :roleId) ON CONFLICT DO NOTHING")
    boolean addRole(long userId, long roleId);

    @Modifying
    @Query("DELETE FROM user_roles WHERE user_id = :userId AND role_id = :roleId")
    boolean removeRole(long userId, long roleId);

    @Query("""
            SELECT count(*) FROM user_roles ur JOIN users u ON u.id = ur.user_id
            WHERE ur.role_id = :roleId AND u.is_active AND u.id <> :userId""")
    long countOtherActiveHolders(long roleId, long userId);

    @Modifying
    @Query("UPDATE users SET is_active = :active, updated_at = now() WHERE id = :userId AND is_active <> :active")
    boolean changeActive(long userId, boolean active);

    /** Refresh tokens die with their authorization rows; access tokens are short-lived and end on their own. */
    @Modifying
    @Query("DELETE FROM oauth2_authorization WHERE principal_name = CAST(:userId AS varchar)")
    int revokeAuthorizations(long userId);
}
