package org.ssoplatform.auth.user;

/** Published inside the transaction that changed what a user (and so each of their keys) may do. */
public record UserAccessChanged(long userId) {
}
