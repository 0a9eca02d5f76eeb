-- CLI sign-in (RFC 8628): the device verification endpoint finds an authorization by its user code, every poll of
-- the token endpoint by its device code; hash indexes as for the other looked-up codes and tokens (V1).
CREATE INDEX oauth2_authorization_user_code_idx ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code_idx ON oauth2_authorization USING hash (device_code_value);
