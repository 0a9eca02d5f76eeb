package org.ssoplatform.auth.shared;

import org.ssoplatform.testsupport.RedisSentinelProcesses;
import org.ssoplatform.testsupport.RedisTopology;

/** auth-server on a Redis master, replica and sentinel ({@code spring.data.redis.sentinel.*}). */
class AuthServerOnRedisSentinelTests extends RedisTopologyScenarios {

    @Override
    RedisTopology startTopology() {
        return RedisSentinelProcesses.start();
    }
}
