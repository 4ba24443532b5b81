package io.rapport.insights.identity.web;

import io.rapport.insights.identity.Caller;

import com.nimbusds.jwt.SignedJWT;
import io.rapport.platform.domain.Member;
import io.rapport.platform.web.IdentityTokens;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the {@link Caller}. The platform's filter has verified the identity token (signature,
 * audience, expiry) before any controller runs and made the request the member's; the roles are read from that same
 * verified token.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    private final IdentityTokens tokens;

    public CallerResolver(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String token = webRequest.getHeader(IdentityTokens.HEADER);
        Member member = tokens.verify(token).orElseThrow(() -> new Caller.RoleRequired(Caller.MEMBER));
        return new Caller(member, roles(token));
    }

    private static Set<String> roles(String token) {
        try {
            List<String> roles = SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim(IdentityTokens.ROLES);
            Set<String> lower = new HashSet<>();
            if (roles != null) {
                roles.forEach(role -> lower.add(role.toLowerCase(Locale.ROOT)));
            }
            return lower;
        } catch (ParseException unreadable) {
            return Set.of();
        }
    }
}
