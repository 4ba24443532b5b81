package io.rapport.auth;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security's form login posts to {@code /login}); the demo users are listed on it. */
@Controller
class SignInPage {

    private final Accounts accounts;
    private final SignInProperties properties;

    SignInPage(Accounts accounts, SignInProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Signed in here directly rather than through the web app: on to the web app. */
    @GetMapping("/")
    String home() {
        return "redirect:" + properties.webApp();
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("users", accounts.all());
        model.addAttribute("webApp", properties.webApp());
        return "login";
    }
}
