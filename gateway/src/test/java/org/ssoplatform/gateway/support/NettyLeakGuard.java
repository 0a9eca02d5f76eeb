package org.ssoplatform.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty has found a buffer that was never released: a gateway that leaks its
 * proxy's, the token exchange's or the JWKS client's buffers runs out of direct memory under load. The
 * gateway's tests run with {@code io.netty.leakDetection.level=paranoid} (every buffer tracked) and
 * register this for every class ({@code junit-platform.properties}). Netty learns of a leak only once the
 * collector has reclaimed the buffer, so a leak may be reported after the class that caused it.
 */
public final class NettyLeakGuard implements AfterAllCallback {

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

    static {
        ByteBufUtil.setLeakListener((resourceType, records) -> LEAKS.add(resourceType + records));
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20); // the reference handler enqueues what the collection found
            // Netty looks for reclaimed, unreleased buffers each time it tracks a new one.
            ByteBufAllocator.DEFAULT.directBuffer(1).release();
        }
        List<String> found = new ArrayList<>();
        for (String leak; (leak = LEAKS.poll()) != null;) {
            found.add(leak);
        }
        assertThat(found).as("Netty buffers garbage-collected without release()").isEmpty();
    }
}
