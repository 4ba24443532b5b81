package io.rapport.web.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in person's roles let them reach, for the navigation ({@code ${@navigation.member}} in the
 * templates) and for sending each role to its own first page.
 */
@Component("navigation")
public class Navigation {

    public boolean isMember() {
        return has(Roles.MEMBER);
    }

    public boolean isAdvisor() {
        return has(Roles.ADVISOR);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** Where this person starts: a member on Today, an advisor on the caseload, an admin on the organization. */
    public String home() {
        if (isMember()) {
            return "/";
        }
        if (isAdvisor()) {
            return "/advisor";
        }
        return isAdmin() ? "/admin" : NotForYouPage.PATH;
    }

    /** In words, for the page that says what this person may see. */
    public String rolesInWords() {
        java.util.List<String> roles = new java.util.ArrayList<>();
        if (isMember()) {
            roles.add("member");
        }
        if (isAdvisor()) {
            roles.add("advisor");
        }
        if (isAdmin()) {
            roles.add("admin");
        }
        return roles.isEmpty() ? "no role" : String.join(" and ", roles);
    }

    private static boolean has(String role) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null) {
            return false;
        }
        for (GrantedAuthority authority : signedIn.getAuthorities()) {
            if (("ROLE_" + role).equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
