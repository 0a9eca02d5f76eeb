package org.ssoplatform.auth.role;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface RoleRepository extends ListCrudRepository<Role, Long> {

    Optional<Role> findByName(String name);

    List<Role> findByIdIn(Collection<Long> ids);

    boolean existsByName(String name);

    /**
     * Locks the role until commit: an assignment (whose foreign key check takes a share lock on this row)
     * cannot slip in between counting the role's uses and deleting it.
     */
    @Query("SELECT id FROM roles WHERE id = :id FOR UPDATE")
    Optional<Long> lockById(long id);

    @Query("SELECT count(*) FROM user_roles WHERE role_id = :id")
    long countUsers(long id);

    @Query("SELECT count(*) FROM apikey_roles WHERE role_id = :id")
    long countApiKeys(long id);

    // Row-level statements: saving the aggregate rewrites all its rows and would undo a concurrent edit.

    @Modifying
    @Query("""
            INSERT INTO role_permissions (role_id, permission_id) VALUES (:roleId, :permissionId)
            ON CONFLICT DO NOTHING""")
    boolean addPermission(long roleId, long permissionId);

    @Modifying
    @Query("DELETE FROM role_permissions WHERE role_id = :roleId AND permission_id = :permissionId")
    boolean removePermission(long roleId, long permissionId);
}
