-- API-key invalidations for the gateways, written in the transaction of the change that causes them and
-- deleted once Redis has accepted them (InvalidationOutbox): a change made while Redis is away still reaches
-- every gateway when it returns. channel is the Redis channel of the writer's namespace, message the JSON of
-- docs/contracts.md.
CREATE TABLE invalidation_outbox (
    id         bigserial    PRIMARY KEY,
    channel    text         NOT NULL,
    message    text         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
