package org.ssoplatform.auth.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/** Everything this JVM logs while attached, message and stack trace, so a test can scan it for secrets. */
public final class LogTap extends AppenderBase<ILoggingEvent> {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private LogTap() {
    }

    public static LogTap attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogTap tap = new LogTap();
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

    @Override
    protected void append(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        lines.add(line);
    }
}
