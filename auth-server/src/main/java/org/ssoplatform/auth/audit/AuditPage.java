package org.ssoplatform.auth.audit;

import java.util.List;

/** A page of the audit trail, newest first. */
record AuditPage(List<AuditEntry> items, int page, int size, long total) {
}
