package io.rapport.web.signin;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The roles the provider put in the ID token's {@code roles} claim (member, advisor, admin) become the signed-in
 * person's authorities ({@code ROLE_MEMBER}, …), so the pages are guarded by role the way Spring Security guards any
 * page. The API checks the same roles again on the access token: hiding a page here is for the person's sake, not the
 * data's. An ID token without the claim is a member's (the provider's default account has that one role).
 */
final class Roles implements GrantedAuthoritiesMapper {

    static final String MEMBER = "MEMBER";
    static final String ADVISOR = "ADVISOR";
    static final String ADMIN = "ADMIN";

    @Override
    public Set<GrantedAuthority> mapAuthorities(java.util.Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                List<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
                if (roles == null) {
                    mapped.add(new SimpleGrantedAuthority("ROLE_" + MEMBER));
                } else {
                    roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
                }
            }
        }
        return mapped;
    }
}
