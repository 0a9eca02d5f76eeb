package org.ssoplatform.auth.user;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface UserRepository extends CrudRepository<User, Long>, PagingAndSortingRepository<User, Long> {

    /** The user with this address: its verified holder if there is one, else the first who used it unverified. */
    @Query("SELECT * FROM users WHERE lower(email) = lower(:email) ORDER BY email_verified DESC, id LIMIT 1")
    Optional<User> findByEmailIgnoreCase(String email);

    /** The one user whose address this is, verified (verified addresses are unique). */
    @Query("SELECT * FROM users WHERE lower(email) = lower(:email) AND email_verified")
    Optional<User> findByVerifiedEmail(String email);

    /**
     * Marks the user's address verified, unless another user already holds it verified (the address is
     * theirs, and verified addresses are unique).
     */
    @Modifying
    @Query("""
            UPDATE users SET email_verified = true, updated_at = now()
            WHERE id = :userId AND NOT email_verified AND lower(email) = lower(:email)
              AND NOT EXISTS (SELECT 1 FROM users o WHERE o.email_verified AND lower(o.email) = lower(:email))""")
    boolean markEmailVerified(long userId, String email);

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

    @Modifying
    @Query("DELETE FROM oauth2_authorization_consent WHERE principal_name = CAST(:userId AS varchar)")
    int revokeConsents(long userId);

    /** Taken before a change that must see the user's identities, keys or roles as they stay until commit. */
    @Query("SELECT id FROM users WHERE id = :userId FOR UPDATE")
    Optional<Long> lockById(long userId);
}
