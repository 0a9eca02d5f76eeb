package org.ssoplatform.testsupport;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Everything this JVM logs while attached, message and stack trace, so a test can scan it for secrets. */
public final class LogTap extends AppenderBase<ILoggingEvent> {

    /** An API key of the platform's format, wherever it appears. */
    private static final Pattern API_KEY = Pattern.compile("ssop_[0-9A-Za-z]{46}");

    /** A JWT: a base64url JSON header, a payload and a signature. */
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{5,}\\.[\\w-]{5,}\\.[\\w-]*");

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private final Function<ILoggingEvent, String> format;

    private LogTap(Function<ILoggingEvent, String> format) {
        this.format = format;
    }

    /** Keeps each event's logger, message and stack trace. */
    public static LogTap attach() {
        return attach(LogTap::messageAndStackTrace);
    }

    /** Keeps each event as {@code format} writes it. */
    public static LogTap attach(Function<ILoggingEvent, String> format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogTap tap = new LogTap(format);
        tap.setContext(context);
        tap.setName("log-tap");
        tap.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(tap);
        return tap;
    }

    public void detach() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    public void clear() {
        lines.clear();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** No line so far holds an API key, a JWT or any of the given secrets; {@code run} names the run. */
    public void assertNoSecrets(String run, List<String> secrets) {
        List<String> seen = lines();
        assertThat(seen).as("%s: log lines with an API key", run).noneMatch(line -> API_KEY.matcher(line).find());
        assertThat(seen).as("%s: log lines with a token", run).noneMatch(line -> JWT.matcher(line).find());
        for (String secret : secrets) {
            assertThat(seen).as("%s: log lines with a secret", run).noneMatch(line -> line.contains(secret));
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(format.apply(event));
    }

    private static String messageAndStackTrace(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        return line;
    }
}
