package org.ssoplatform.auth.token;

/** The {@code auth_type} claim: how the caller authenticated. */
public enum AuthType { JWT, API_KEY, CLIENT }
