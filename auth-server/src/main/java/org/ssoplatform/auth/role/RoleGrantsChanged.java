package org.ssoplatform.auth.role;

/**
 * Published inside the transaction that changed what holders of roles may do (a role's permissions, a deleted
 * role or permission). Any number of keys may be affected.
 */
public record RoleGrantsChanged() {
}
