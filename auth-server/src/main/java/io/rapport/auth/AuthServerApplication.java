package io.rapport.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The embedded default's OpenID Connect provider: where a member signs in, and whose tokens the gateway checks by
 * issuer discovery, exactly as it checks a career-services organization's own provider in production.
 */
@SpringBootApplication
@EnableConfigurationProperties(SignInProperties.class)
public class AuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServerApplication.class, args);
    }
}
