-- Requests per API key and UTC day, flushed from the gateways' Redis counters and kept 90 days.
CREATE TABLE api_key_usage (
    key_id   bigint  NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    day      date    NOT NULL,
    requests bigint  NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (key_id, day)
);
CREATE INDEX api_key_usage_day_idx ON api_key_usage (day);

-- Claimed batches of counters already added: a batch whose Redis claim outlived its write (a crash, a
-- second instance retrying it) is recognised here and never counted twice.
CREATE TABLE api_key_usage_batches (
    batch_id   varchar(64)  PRIMARY KEY,
    applied_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX api_key_usage_batches_applied_idx ON api_key_usage_batches (applied_at);
