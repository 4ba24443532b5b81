package io.rapport.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The member's web app: pages rendered here (Thymeleaf, with htmx for the small live parts), signed in at the
 * organization's OpenID Connect provider, every read and change made through the gateway with the member's token,
 * so the web app holds no data and no privilege of its own.
 */
@SpringBootApplication
@EnableConfigurationProperties(WebProperties.class)
public class WebAppApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebAppApplication.class, args);
    }
}
