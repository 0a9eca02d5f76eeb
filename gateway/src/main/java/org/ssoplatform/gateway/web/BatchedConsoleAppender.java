package org.ssoplatform.gateway.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;

/**
 * The console, for one busy logger, written in batches as nginx's {@code access_log buffer= flush=} does:
 * lines gather in a buffer that goes to {@code System.out} in one write when it is full and at least every
 * flush interval, instead of one write system call per line (a tenth of a proxied request's CPU, see
 * docs/performance.md#access-log-writes). The lines are encoded by Spring Boot's console appender (text or
 * {@code LOG_FORMAT}'s JSON alike) and pass its filters; that appender skips the logger, whose other appenders
 * (a file, a test's tap) still get every event. Each write holds whole lines, and {@code System.out} keeps it
 * apart from the other console lines; at most one interval of lines is lost if the process is killed, and they
 * may show up to one interval after lines logged later on other loggers.
 */
final class BatchedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {

    /** Spring Boot's console appender in its own logging configuration. */
    static final String CONSOLE = "CONSOLE";

    private static final int BUFFER_BYTES = 16 * 1024;

    private final Duration flushInterval;

    private ScheduledExecutorService flusher;

    private BatchedConsoleAppender(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    /**
     * Batches the console lines of {@code loggerName}, if the logging configuration is Spring Boot's own (an
     * appender named {@value #CONSOLE} on the root logger) and no other application context of this JVM has
     * batched them already; otherwise leaves it alone and returns null.
     */
    static BatchedConsoleAppender attach(String loggerName, Duration flushInterval) {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                ? attach(context, loggerName, flushInterval) : null;
    }

    static BatchedConsoleAppender attach(LoggerContext context, String loggerName, Duration flushInterval) {
        if (!(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE) instanceof ConsoleAppender<ILoggingEvent> console)
                || console.getEncoder() == null) {
            return null;
        }
        String name = "BATCHED_" + loggerName;
        if (context.getLogger(loggerName).getAppender(name) != null) {
            return null;
        }
        BatchedConsoleAppender batched = new BatchedConsoleAppender(flushInterval);
        batched.setContext(context);
        batched.setName(name);
        batched.setEncoder(console.getEncoder());
        console.getCopyOfAttachedFiltersList().forEach(batched::addFilter);
        batched.start();
        console.addFilter(new SkipLogger(loggerName));
        context.getLogger(loggerName).addAppender(batched);
        return batched;
    }

    /** Gives the logger's lines back to the console appender (a logging reset has done so already). */
    void detach(String loggerName) {
        if (!(getContext() instanceof LoggerContext context)) {
            return;
        }
        Logger logger = context.getLogger(loggerName);
        if (logger.getAppender(getName()) == this) {
            logger.detachAppender(this);
            Appender<ILoggingEvent> console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
            if (console instanceof ConsoleAppender<ILoggingEvent> appender) {
                List<Filter<ILoggingEvent>> kept = appender.getCopyOfAttachedFiltersList()
                    .stream()
                    .filter(filter -> !(filter instanceof SkipLogger skip && skip.loggerName.equals(loggerName)))
                    .toList();
                appender.clearAllFilters();
                kept.forEach(appender::addFilter);
            }
        }
        stop();
    }

    @Override
    public void start() {
        setImmediateFlush(false);
        setOutputStream(new BufferedOutputStream(new SystemOut(), BUFFER_BYTES));
        super.start();
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-flush-" + getName());
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, this.flushInterval.toMillis());
        this.flusher.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Writes out what the buffer holds (also what {@link #stop()} does last). */
    void flush() {
        this.streamWriteLock.lock();
        try {
            OutputStream out = getOutputStream();
            if (out != null) {
                out.flush();
            }
        }
        catch (IOException ex) {
            addError("Could not flush " + getName(), ex);
        }
        finally {
            this.streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (this.flusher != null) {
            this.flusher.shutdownNow();
        }
        super.stop();
    }

    /** {@code System.out} as it is at each write (a test may capture it); closing flushes, never closes it. */
    private static final class SystemOut extends OutputStream {

        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            System.out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** Keeps the batched logger's events out of the console appender. */
    private static final class SkipLogger extends Filter<ILoggingEvent> {

        private final String loggerName;

        SkipLogger(String loggerName) {
            this.loggerName = loggerName;
            start();
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            return this.loggerName.equals(event.getLoggerName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
