package io.rapport.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The people who can sign in, and what their tokens say about them (tenant, roles, name). */
public final class Accounts implements UserDetailsService {

    private final Map<String, SignInProperties.Account> byUsername = new LinkedHashMap<>();

    public Accounts(List<SignInProperties.Account> accounts) {
        for (SignInProperties.Account account : accounts) {
            if (account.username() == null || account.password() == null || account.tenant() == null) {
                throw new IllegalStateException("rapport.auth.users: every user needs a username, a password and a tenant");
            }
            byUsername.put(account.username(), account);
        }
    }

    public Optional<SignInProperties.Account> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    public List<SignInProperties.Account> all() {
        return List.copyOf(byUsername.values());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SignInProperties.Account account = find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(account.username())
                // {noop}: demo passwords, printed by ./rapport run --demo; a real organization signs in at its own provider
                .password("{noop}" + account.password())
                .roles(account.roles().stream().map(role -> role.toUpperCase(Locale.ROOT)).toArray(String[]::new))
                .build();
    }
}
