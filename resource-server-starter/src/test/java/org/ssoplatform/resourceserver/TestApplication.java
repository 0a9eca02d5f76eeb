package org.ssoplatform.resourceserver;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using the library, for the library's own tests. */
@SpringBootApplication
class TestApplication {
}
