-- An API key an admin deactivated stays off until an admin re-activates it: its owner cannot undo it.
ALTER TABLE api_keys ADD COLUMN locked_by_admin boolean NOT NULL DEFAULT false;
