package org.ssoplatform.auth.user;

import java.util.List;

/** A page of users: {@code page} counts from 0, {@code total} is the number of matching users. */
record UserPage(List<UserView> items, int page, int size, long total) {
}
