package org.ssoplatform.resourcereactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReactiveResourceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReactiveResourceServiceApplication.class, args);
    }
}
