package io.rapport.web.signin;

import io.rapport.web.WebProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one provider members sign in at, found by its OpenID discovery document the first time someone signs in rather
 * than at start-up: the web app starts beside the provider (the launcher starts both at once) and must not fail
 * because the provider is a few seconds slower. A failed discovery is tried again on the next sign-in.
 */
public final class DiscoveredProvider implements ClientRegistrationRepository {

    public static final String REGISTRATION_ID = "rapport";

    private final WebProperties properties;
    private volatile ClientRegistration registration;

    public DiscoveredProvider(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration() : null;
    }

    private ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        boolean confidential = properties.clientSecret() != null && !properties.clientSecret().isBlank();
        ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientName("Rapport")
                .clientId(properties.clientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile");
        if (confidential) {
            builder.clientSecret(properties.clientSecret()).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return builder.build();
    }
}
