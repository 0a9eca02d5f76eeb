-- A key's own rate limit, set through the API; both columns NULL means the gateway's configured limit applies.
ALTER TABLE api_keys
    ADD COLUMN rate_limit_capacity integer,
    ADD COLUMN rate_limit_replenish_per_second double precision,
    ADD CONSTRAINT api_keys_rate_limit_whole CHECK (
        (rate_limit_capacity IS NULL AND rate_limit_replenish_per_second IS NULL)
        OR (rate_limit_capacity > 0 AND rate_limit_replenish_per_second > 0));
