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
        // NIO unless the JVM is told otherwise (-Dreactor.netty.native=true). Reactor Netty stops and
        // resumes reading each connection around every request; on epoll each switch is an epoll_ctl
        // call, four per proxied request, while Java's selector applies only the net change at its next
        // select. Two of three side-by-side runs served 7 to 20 % more requests per second on NIO, the
        // third as many (bench/README.md, session 14).
        if (System.getProperty(NATIVE_TRANSPORT) == null) {
            System.setProperty(NATIVE_TRANSPORT, "false");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
