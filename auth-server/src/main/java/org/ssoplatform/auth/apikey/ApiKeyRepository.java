package org.ssoplatform.auth.apikey;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

    @Query("SELECT * FROM api_keys WHERE key_hash = :hash OR previous_key_hash = :hash")
    Optional<ApiKey> findByCurrentOrPreviousHash(byte[] hash);

    List<ApiKey> findByUserId(Long userId);
}
