#!/usr/bin/env bash
# The API key of the token-exchange benchmarks, in DATABASE (migrated by auth-server): its owner has the
# roles user and viewer, the key viewer only. Prints the key.   Usage: bench/auth-server/bench-key.sh DATABASE
set -euo pipefail
read -r API_KEY KEY_HASH < <(python3 "$(dirname "$0")/apikey.py")
psql -h 127.0.0.1 -U postgres -d "$1" -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
INSERT INTO users (email, full_name) VALUES ('bench-key-owner@example.com', 'Key Owner');
INSERT INTO user_roles SELECT u.id, r.id FROM users u, roles r WHERE u.email = 'bench-key-owner@example.com' AND r.name IN ('user', 'viewer');
INSERT INTO api_keys (user_id, name, key_hash, key_prefix, key_last_chars)
  SELECT id, 'bench', decode('$KEY_HASH', 'hex'), substr('$API_KEY', 1, 11), right('$API_KEY', 4) FROM users WHERE email = 'bench-key-owner@example.com';
INSERT INTO apikey_roles SELECT k.id, r.id FROM api_keys k, roles r WHERE k.name = 'bench' AND r.name = 'viewer';
SQL
echo "$API_KEY"
