package org.ssoplatform.portal.web;

/** A page only admins may see was asked for by someone else. */
public class Forbidden extends RuntimeException {

    public Forbidden() {
        super("admins only");
    }
}
