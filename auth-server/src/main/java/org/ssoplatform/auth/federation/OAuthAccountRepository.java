package org.ssoplatform.auth.federation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OAuthAccountRepository extends ListCrudRepository<OAuthAccount, Long> {

    Optional<OAuthAccount> findByProviderAndProviderUserId(String provider, String providerUserId);

    List<OAuthAccount> findByUserId(Long userId);

    /** Every returning sign-in asks this: one query instead of the account, the user and its roles. */
    @Query("""
            SELECT a.user_id, u.is_active FROM oauth_accounts a JOIN users u ON u.id = a.user_id
            WHERE a.provider = :provider AND a.provider_user_id = :providerUserId""")
    Optional<LinkedUser> findLinkedUser(String provider, String providerUserId);

    record LinkedUser(long userId, boolean isActive) {
    }
}
