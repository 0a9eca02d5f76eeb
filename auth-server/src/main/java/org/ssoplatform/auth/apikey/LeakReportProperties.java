package org.ssoplatform.auth.apikey;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.leak-reports.*}: the keys GitHub's secret scanning signs its reports with
 * (https://api.github.com/meta/public_keys/secret_scanning). With none, every report is refused.
 *
 * @param publicKeys each with the {@code id} GitHub names it by and its PEM ({@code -----BEGIN PUBLIC KEY-----})
 */
@ConfigurationProperties("platform.leak-reports")
record LeakReportProperties(@DefaultValue List<PublicKeyEntry> publicKeys) {

    record PublicKeyEntry(String id, String pem) {
    }
}
