package org.ssoplatform.portal.api;

/** A page of a longer list, for the pager under it. */
public interface Paged {

    int page();

    int size();

    long total();

    default boolean hasPrevious() {
        return page() > 0;
    }

    default boolean hasNext() {
        return (long) (page() + 1) * size() < total();
    }

    default long pages() {
        return Math.max(1, (total() + size() - 1) / size());
    }
}
