package io.rapport.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** The ID token's roles claim becomes the person's role authorities, which guard the pages. */
class RolesTest {

    private static List<String> mapped(Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), claims);
        return new Roles().mapAuthorities(List.of(new OidcUserAuthority(token))).stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).sorted().toList();
    }

    @Test
    void theRolesClaimBecomesRoles() {
        assertThat(mapped(Map.of("sub", "advisor", "roles", List.of("advisor")))).containsExactly("ROLE_ADVISOR");
        assertThat(mapped(Map.of("sub", "both", "roles", List.of("Admin", "member")))).containsExactly("ROLE_ADMIN", "ROLE_MEMBER");
    }

    @Test
    void anIdTokenWithoutRolesIsAMembers() {
        assertThat(mapped(Map.of("sub", "demo"))).containsExactly("ROLE_MEMBER");
    }

    @Test
    void anEmptyRolesClaimOpensNothing() {
        assertThat(mapped(Map.of("sub", "nobody", "roles", List.of()))).isEmpty();
    }
}
