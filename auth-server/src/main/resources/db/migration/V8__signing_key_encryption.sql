-- Private keys are sealed per row (SigningKeyCipher): a random salt and the scheme's version, so that
-- the scheme and PLATFORM_SIGNING_SECRET can change and rows are re-sealed at start-up. Version 1 is
-- the former scheme (PBKDF2 with one fixed salt), which start-up re-seals.
ALTER TABLE signing_keys ADD COLUMN encryption_salt text;
ALTER TABLE signing_keys ADD COLUMN key_encryption_version integer NOT NULL DEFAULT 1;
ALTER TABLE signing_keys ALTER COLUMN key_encryption_version DROP DEFAULT;
-- Retired keys verify nothing any more: they are deleted, not kept.
DELETE FROM signing_keys WHERE state = 'RETIRED';
