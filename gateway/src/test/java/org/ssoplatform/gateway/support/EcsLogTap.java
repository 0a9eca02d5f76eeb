package org.ssoplatform.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Every line this JVM logs while attached, as {@code LOG_FORMAT=ecs} writes it: Spring Boot's own structured
 * encoder, so the JSON is what an operator's collector receives, without switching the whole test JVM's
 * console (which the other tests read as text) to JSON.
 */
public final class EcsLogTap extends AppenderBase<ILoggingEvent> {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private final StructuredLogEncoder encoder = new StructuredLogEncoder();

    private EcsLogTap() {
    }

    /** Attaches to the root logger of a JVM whose logging a Spring Boot application has initialized. */
    public static EcsLogTap attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        EcsLogTap tap = new EcsLogTap();
        tap.encoder.setContext(context);
        tap.encoder.setFormat("ecs");
        tap.encoder.start();
        tap.setContext(context);
        tap.setName("ecs-log-tap");
        tap.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(tap);
        return tap;
    }

    public void detach() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
        encoder.stop();
    }

    public void clear() {
        lines.clear();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
    }
}
