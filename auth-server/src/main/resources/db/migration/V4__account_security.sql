-- Verified e-mails. An address its provider did not verify is kept, marked unverified: it never links
-- accounts and does not block the address for the person who can prove they own it, so only verified
-- addresses are unique. Users created without a provider account (by an administrator, or seeded) were
-- vouched for; so were those whose address a linked provider verified.
ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
UPDATE users u SET email_verified = true
WHERE NOT EXISTS (SELECT 1 FROM oauth_accounts a WHERE a.user_id = u.id)
   OR EXISTS (SELECT 1 FROM oauth_accounts a
              WHERE a.user_id = u.id AND a.email_verified AND lower(a.email) = lower(u.email));
DROP INDEX users_email_ci_key;
CREATE UNIQUE INDEX users_verified_email_ci_key ON users (lower(email)) WHERE email_verified;
CREATE INDEX users_email_ci_idx ON users (lower(email));

-- Refresh tokens rotated out of an authorization, by hash only, until they would have expired: one
-- presented again is a reuse (RFC 9700 4.14.2), and its whole authorization is revoked. They go with it.
CREATE TABLE rotated_refresh_tokens (
    token_hash       bytea         PRIMARY KEY,
    authorization_id varchar(100)  NOT NULL REFERENCES oauth2_authorization (id) ON DELETE CASCADE,
    expires_at       timestamptz   NOT NULL
);
CREATE INDEX rotated_refresh_tokens_authorization_idx ON rotated_refresh_tokens (authorization_id);

-- The audit API filters by action (security events: sign-ins, links, sign-outs...).
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC, id DESC);
