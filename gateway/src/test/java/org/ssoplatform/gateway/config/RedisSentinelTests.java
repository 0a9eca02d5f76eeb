package org.ssoplatform.gateway.config;

import org.ssoplatform.testsupport.RedisSentinelProcesses;
import org.ssoplatform.testsupport.RedisTopology;

/** The gateway on a Redis master, replica and sentinel ({@code spring.data.redis.sentinel.*}). */
class RedisSentinelTests extends RedisTopologyScenarios {

    @Override
    RedisTopology startTopology() {
        return RedisSentinelProcesses.start();
    }
}
