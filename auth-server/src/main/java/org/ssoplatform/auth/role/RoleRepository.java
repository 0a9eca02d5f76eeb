package org.ssoplatform.auth.role;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface RoleRepository extends ListCrudRepository<Role, Long> {

    Optional<Role> findByName(String name);

    List<Role> findByIdIn(Collection<Long> ids);
}
