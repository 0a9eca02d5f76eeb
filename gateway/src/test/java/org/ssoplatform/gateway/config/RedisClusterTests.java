package org.ssoplatform.gateway.config;

import org.ssoplatform.testsupport.RedisClusterProcesses;
import org.ssoplatform.testsupport.RedisTopology;

/** The gateway on a three-master Redis Cluster ({@code spring.data.redis.cluster.nodes}). */
class RedisClusterTests extends RedisTopologyScenarios {

    @Override
    RedisTopology startTopology() {
        return RedisClusterProcesses.start();
    }
}
