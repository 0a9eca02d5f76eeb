package org.ssoplatform.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generated test inputs from one printed seed, so a failing run can be replayed with {@code -D<property>=<seed>};
 * bounded draws land on their bounds and other edge values now and then, since that is where the bugs are.
 */
public final class SeededRandom {

    /** One draw in this many is an edge value rather than a uniform one. */
    private static final int EDGE_ODDS = 8;

    private final long seed;

    private final SplittableRandom random;

    private SeededRandom(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param property the system property that replays a run, e.g. {@code hostile.seed}
     * @param owner names the test in the printed seed line
     * @return a generator seeded from that property when set, otherwise from a fresh random seed
     */
    public static SeededRandom fromProperty(String property, String owner) {
        String given = System.getProperty(property);
        long seed = given == null || given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given.trim());
        System.out.println(owner + ": seed " + seed + " (replay with -D" + property + "=" + seed + ")");
        return new SeededRandom(seed);
    }

    public long seed() {
        return this.seed;
    }

    public boolean edge() {
        return this.random.nextInt(EDGE_ODDS) == 0;
    }

    /** @return one of the values, each as likely */
    @SafeVarargs
    public final <T> T of(T... values) {
        return values[this.random.nextInt(values.length)];
    }

    public <T> T of(List<T> values) {
        return values.get(this.random.nextInt(values.size()));
    }

    /** @return the value of one of the suppliers, each as likely */
    @SafeVarargs
    public final <T> T oneOf(Supplier<? extends T>... choices) {
        return of(choices).get();
    }

    /** @return the value of a supplier picked by weight: pairs of an {@code Integer} weight and a {@link Supplier} */
    @SuppressWarnings("unchecked")
    public <T> T weighted(Object... weightsAndChoices) {
        int total = 0;
        for (int i = 0; i < weightsAndChoices.length; i += 2) {
            total += (Integer) weightsAndChoices[i];
        }
        int pick = this.random.nextInt(total);
        for (int i = 0; i < weightsAndChoices.length; i += 2) {
            pick -= (Integer) weightsAndChoices[i];
            if (pick < 0) {
                return ((Supplier<? extends T>) weightsAndChoices[i + 1]).get();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** @return an int in [min, max], its bounds, 0, 1 or -1 (when in range) more often than by chance */
    public int between(int min, int max) {
        if (edge()) {
            int candidate = of(min, max, 0, 1, -1, min + 1, max - 1);
            if (candidate >= min && candidate <= max) {
                return candidate;
            }
        }
        return (int) this.random.nextLong(min, (long) max + 1);
    }

    public int anyInt() {
        return edge() ? of(0, 1, -1, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1,
                Integer.MAX_VALUE - 1) : this.random.nextInt();
    }

    public long anyLong() {
        return edge() ? of(0L, 1L, -1L, 2L, -2L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
                Long.MAX_VALUE - 1) : this.random.nextLong();
    }

    public double anyDouble() {
        if (edge()) {
            return of(0.0, -0.0, 1.0, -1.0, 0.01, -0.01, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                    -Double.MAX_VALUE);
        }
        return (this.random.nextDouble() - 0.5) * Math.pow(10, this.random.nextInt(-10, 300));
    }

    /** @return a string of chars picked from {@code alphabet}, of a length in [minLength, maxLength] */
    public String string(String alphabet, int minLength, int maxLength) {
        int length = between(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** @return a list of up to {@code maxSize} generated elements; empty and full more often than by chance */
    public <T> List<T> list(int maxSize, Supplier<? extends T> element) {
        int size = between(0, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** @return a map of up to {@code maxSize} generated entries (fewer when keys repeat) */
    public <K, V> Map<K, V> map(int maxSize, Supplier<? extends K> key, Supplier<? extends V> value) {
        int size = between(0, maxSize);
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(key.get(), value.get());
        }
        return map;
    }
}
