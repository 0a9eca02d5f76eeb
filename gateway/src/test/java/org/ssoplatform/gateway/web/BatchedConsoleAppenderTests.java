package org.ssoplatform.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The access log's console lines leave in batches: not one by one as they are logged, but all of them, whole
 * and in order, within the flush interval, when the buffer fills, and when logging stops. A logging context of
 * its own, with a console appender as Spring Boot names it, keeps the test JVM's logging out of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchedConsoleAppenderTests {

    private static final String ACCESS = "test.access";

    private final LoggerContext context = new LoggerContext();

    private final ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();

    private BatchedConsoleAppender batched;

    @BeforeEach
    void consoleAsSpringBootConfiguresIt() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%logger %msg%n");
        encoder.start();
        console.setContext(context);
        console.setName(BatchedConsoleAppender.CONSOLE);
        console.setEncoder(encoder);
        console.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);
    }

    @AfterEach
    void stop() {
        if (batched != null) {
            batched.detach(ACCESS);
        }
        context.stop();
    }

    @Test
    void linesWaitForTheFlushIntervalWhileOtherLoggersWriteAtOnce(CapturedOutput output) {
        batched = BatchedConsoleAppender.attach(context, ACCESS, Duration.ofMillis(300));

        access().info("GET /one");
        access().info("GET /two");
        context.getLogger("test.other").warn("not batched");

        assertThat(output.getOut()).contains("test.other not batched").doesNotContain("GET /one");
        await().atMost(Duration.ofSeconds(3))
            .untilAsserted(() -> assertThat(lines(output)).containsSubsequence("test.access GET /one",
                    "test.access GET /two"));
        assertThat(lines(output)).filteredOn(line -> line.contains("GET /")).hasSize(2);
    }

    @Test
    void aFullBufferIsWrittenAtOnceInWholeLines(CapturedOutput output) {
        batched = BatchedConsoleAppender.attach(context, ACCESS, Duration.ofHours(1));
        String padding = "x".repeat(200);

        IntStream.range(0, 200).forEach(i -> access().info("GET /{} {}", i, padding));

        List<String> written = lines(output);
        assertThat(written).isNotEmpty().hasSizeLessThan(200);
        for (int i = 0; i < written.size(); i++) {
            assertThat(written.get(i)).isEqualTo("test.access GET /" + i + " " + padding);
        }
    }

    @Test
    void detachingWritesWhatIsLeftAndGivesTheLoggerBackToTheConsole(CapturedOutput output) {
        batched = BatchedConsoleAppender.attach(context, ACCESS, Duration.ofHours(1));
        access().info("GET /buffered");
        assertThat(output.getOut()).doesNotContain("GET /buffered");

        batched.detach(ACCESS);
        batched = null;
        access().info("GET /after");

        assertThat(lines(output)).containsExactly("test.access GET /buffered", "test.access GET /after");
    }

    @Test
    void theConsolesFiltersStillApply(CapturedOutput output) {
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        console.addFilter(warnings);
        batched = BatchedConsoleAppender.attach(context, ACCESS, Duration.ofHours(1));

        access().info("GET /quiet");
        access().warn("GET /loud");
        batched.flush();

        assertThat(lines(output)).containsExactly("test.access GET /loud");
    }

    @Test
    void aSecondApplicationContextLeavesTheBatchingToTheFirst(CapturedOutput output) {
        batched = BatchedConsoleAppender.attach(context, ACCESS, Duration.ofHours(1));

        assertThat(BatchedConsoleAppender.attach(context, ACCESS, Duration.ofHours(1))).isNull();
        access().info("GET /once");
        batched.flush();

        assertThat(lines(output)).containsExactly("test.access GET /once");
    }

    @Test
    void aCustomLoggingConfigurationIsLeftAlone(CapturedOutput output) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(console);
        console.setName("OWN");
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(console);

        assertThat(BatchedConsoleAppender.attach(context, ACCESS, Duration.ofHours(1))).isNull();
        access().info("GET /direct");

        assertThat(lines(output)).containsExactly("test.access GET /direct");
    }

    private Logger access() {
        return context.getLogger(ACCESS);
    }

    private static List<String> lines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.startsWith("test.")).toList();
    }
}
