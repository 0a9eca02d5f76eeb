package org.ssoplatform.auth.user;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface UserRepository extends CrudRepository<User, Long>, PagingAndSortingRepository<User, Long> {

    @Query("SELECT * FROM users WHERE lower(email) = lower(:email)")
    Optional<User> findByEmailIgnoreCase(String email);

    Page<User> findByEmailContainingIgnoreCase(String email, Pageable pageable);
}
