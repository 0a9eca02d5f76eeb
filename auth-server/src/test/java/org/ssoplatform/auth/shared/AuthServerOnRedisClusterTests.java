package org.ssoplatform.auth.shared;

import java.util.List;

import org.springframework.test.util.TestSocketUtils;
import org.ssoplatform.testsupport.RedisClusterProcesses;
import org.ssoplatform.testsupport.RedisTopology;

/**
 * auth-server on a three-master Redis Cluster, and on a multi-host JDBC URL whose first host is dead
 * ({@code targetServerType=primary}): the driver skips it and the instance starts, migrates and serves.
 */
class AuthServerOnRedisClusterTests extends RedisTopologyScenarios {

    @Override
    RedisTopology startTopology() {
        return RedisClusterProcesses.start();
    }

    @Override
    List<String> settings() {
        String url = environment.getRequiredProperty("spring.datasource.url");
        int nothingListens = TestSocketUtils.findAvailableTcpPort();
        String multiHost = url.replace("jdbc:postgresql://", "jdbc:postgresql://127.0.0.1:" + nothingListens + ",")
                + (url.contains("?") ? "&" : "?") + "targetServerType=primary";
        return List.of("spring.datasource.url=" + multiHost);
    }
}
