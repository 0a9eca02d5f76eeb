package org.ssoplatform.e2e;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ssoplatform.e2e.client.ManagementApi;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.SignIn;
import org.ssoplatform.e2e.client.SignIn.Person;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.stack.Stack;

/**
 * Users and keys shared by tests that only read with them, made once per run to keep the run short.
 * Tests that revoke, rotate, expire or exhaust something make their own.
 */
public final class Fixtures {

    private final Stack stack;

    private final AtomicInteger people = new AtomicInteger();

    private SignedInUser admin;

    private SignedInUser member;

    private CreatedKey readOnlyKey;

    private CreatedKey adminKey;

    public Fixtures(Stack stack) {
        this.stack = stack;
    }

    /** The bootstrap administrator (roles admin and user). */
    public synchronized SignedInUser admin() {
        if (admin == null) {
            admin = signIn(Person.verified("e2e-admin", Stack.ADMIN_EMAIL, "Ada Admin"));
        }
        return admin;
    }

    /** A plain user: role user ({@code users:read posts:read posts:write}). */
    public synchronized SignedInUser member() {
        if (member == null) {
            member = signIn(Person.verified("e2e-member", "member@e2e.test", "Max Member"));
        }
        return member;
    }

    /** Another plain user of its own, for a test that changes or exhausts something of the user's. */
    public SignedInUser newUser(String label) {
        return signIn(newPerson(label));
    }

    /** A person who has not signed in yet. */
    public Person newPerson(String label) {
        int n = people.incrementAndGet();
        return Person.verified("e2e-" + label + "-" + n, label + "-" + n + "@e2e.test", "User " + label + " " + n);
    }

    public SignedInUser signIn(Person person) {
        return SignIn.through(stack.gatewayA(), stack.idp(), person);
    }

    public ManagementApi api(SignedInUser caller) {
        return new ManagementApi(stack.gatewayA(), caller);
    }

    /** The member's key granted only {@code users:read}, directly (no role). */
    public synchronized CreatedKey readOnlyKey() {
        if (readOnlyKey == null) {
            readOnlyKey = api(member()).createKey("read-only", null, List.of(), List.of("users:read"));
        }
        return readOnlyKey;
    }

    /** The administrator's key with role admin. */
    public synchronized CreatedKey adminKey() {
        if (adminKey == null) {
            adminKey = api(admin()).createKey("admin", null, List.of("admin"), List.of());
        }
        return adminKey;
    }
}
