package org.ssoplatform.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Reactor Netty's switch between Netty's native transport (epoll, its default on Linux) and NIO. */
    private static final String NATIVE_TRANSPORT = "reactor.netty.native";

    public static void main(String[] args) {
        // NIO unless the JVM is told otherwise (-Dreactor.netty.native=true): Reactor Netty stops and
        // resumes reading each connection around every request, which on epoll is an epoll_ctl call each
        // time, while Java's selector applies only the net change at its next select (see
        // docs/performance.md#nio-transport).
        if (System.getProperty(NATIVE_TRANSPORT) == null) {
            System.setProperty(NATIVE_TRANSPORT, "false");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
