package org.ssoplatform.e2e.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something a user would notice, measuring how long it took. */
public final class Poll {

    private Poll() {
    }

    /**
     * Checks {@code done} every {@code interval} until it holds.
     * @return the time from this call until it held
     * @throws AssertionError after {@code timeout}, naming {@code what}
     */
    public static Duration until(String what, Duration interval, Duration timeout, BooleanSupplier done) {
        return until(() -> what, interval, timeout, done);
    }

    /** As {@link #until(String, Duration, Duration, BooleanSupplier)}, describing the state at the timeout. */
    public static Duration until(Supplier<String> what, Duration interval, Duration timeout, BooleanSupplier done) {
        long start = System.nanoTime();
        while (!done.getAsBoolean()) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.compareTo(timeout) > 0) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms: " + what.get());
            }
            sleep(interval);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
