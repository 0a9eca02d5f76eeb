package org.ssoplatform.testsupport;

import java.util.Map;

/** A Redis deployment of several real processes, as production runs it: a cluster or a sentinel set. */
public interface RedisTopology extends AutoCloseable {

    /** The Spring Boot settings ({@code spring.data.redis.*}) that connect an app to it. */
    Map<String, String> springProperties();

    /** Fails over the master that serves {@code key}: a replica takes over while clients keep going. */
    void failoverMasterOf(String key);

    /** Every key matching {@code pattern} on the masters, with its remaining time to live in ms (-1: none). */
    Map<String, Long> ttls(String pattern);

    @Override
    void close();
}
