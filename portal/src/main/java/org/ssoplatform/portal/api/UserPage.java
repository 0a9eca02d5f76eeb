package org.ssoplatform.portal.api;

import java.util.List;

/** A page of users; {@code page} counts from 0. */
public record UserPage(List<User> items, int page, int size, long total) implements Paged {
}
