package org.ssoplatform.auth.config;

import org.ssoplatform.testsupport.RedisCredentialsScenarios;

/** This app's application.yml reaches a Redis with a password, an ACL user or TLS. */
class RedisCredentialsTests extends RedisCredentialsScenarios {
}
