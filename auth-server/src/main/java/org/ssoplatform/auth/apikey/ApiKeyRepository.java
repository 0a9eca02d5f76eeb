package org.ssoplatform.auth.apikey;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

    List<ApiKey> findByUserIdOrderById(Long userId);

    List<ApiKey> findAllByOrderById();
}
