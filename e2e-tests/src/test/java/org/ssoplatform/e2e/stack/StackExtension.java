package org.ssoplatform.e2e.stack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.ssoplatform.e2e.Fixtures;

/**
 * Hands every end-to-end test the one {@link Stack} of the run (and its {@link Fixtures}). The stack
 * starts with the first test that needs it and lives in the root store, which JUnit closes after
 * the last test, whatever failed; a failed start is remembered, so the next classes fail at once
 * with the same cause instead of starting everything again.
 */
public final class StackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    /** The run's stack, or why it could not start. Closed by JUnit at the end of the run. */
    private record Run(Stack stack, Fixtures fixtures, RuntimeException failure) implements AutoCloseable {

        static Run start() {
            try {
                Stack stack = Stack.start();
                return new Run(stack, new Fixtures(stack), null);
            }
            catch (RuntimeException ex) {
                System.err.println("e2e: the platform did not start: " + ex.getMessage());
                return new Run(null, null, ex);
            }
        }

        Run require() {
            if (failure != null) {
                throw new IllegalStateException("The platform did not start (cause below)", failure);
            }
            return this;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Stack.class || type == Fixtures.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Run run = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Run.class, k -> Run.start(), Run.class).require();
        return parameter.getParameter().getType() == Stack.class ? run.stack() : run.fixtures();
    }
}
