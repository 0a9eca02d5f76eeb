package org.ssoplatform.auth.role;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PermissionRepository extends ListCrudRepository<Permission, Long> {

    Optional<Permission> findByName(String name);

    List<Permission> findByIdIn(Collection<Long> ids);

    List<Permission> findAllByOrderByName();

    boolean existsByName(String name);

    /** Names of every permission held through the given roles. */
    @Query("""
            SELECT DISTINCT p.name FROM permissions p
            JOIN role_permissions rp ON rp.permission_id = p.id
            WHERE rp.role_id IN (:roleIds)
            ORDER BY p.name""")
    List<String> namesForRoles(Collection<Long> roleIds);

    /** As {@link RoleRepository#lockById}: no new use of the permission until the deletion commits. */
    @Query("SELECT id FROM permissions WHERE id = :id FOR UPDATE")
    Optional<Long> lockById(long id);

    @Query("SELECT count(*) FROM role_permissions WHERE permission_id = :id")
    long countRoles(long id);

    @Query("SELECT count(*) FROM apikey_permissions WHERE permission_id = :id")
    long countApiKeys(long id);
}
