package org.ssoplatform.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.ssoplatform.testsupport.LogTap;

/**
 * Every line this JVM logs while attached, as {@code LOG_FORMAT=ecs} writes it: Spring Boot's own structured
 * encoder, so the JSON is what an operator's collector receives, without switching the whole test JVM's
 * console (which the other tests read as text) to JSON.
 */
public final class EcsLogTap {

    private final StructuredLogEncoder encoder;

    private final LogTap tap;

    private EcsLogTap(StructuredLogEncoder encoder) {
        this.encoder = encoder;
        this.tap = LogTap.attach(event -> new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
    }

    /** Attaches to the root logger of a JVM whose logging a Spring Boot application has initialized. */
    public static EcsLogTap attach() {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.setFormat("ecs");
        encoder.start();
        return new EcsLogTap(encoder);
    }

    public void detach() {
        tap.detach();
        encoder.stop();
    }

    public void clear() {
        tap.clear();
    }

    public List<String> lines() {
        return tap.lines();
    }
}
