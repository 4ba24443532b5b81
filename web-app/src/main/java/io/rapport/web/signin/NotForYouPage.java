package io.rapport.web.signin;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A signed-in person reaching a page their role does not open (an advisor on a member's page, a member on the admin's):
 * a 403 page that says so and links to their own pages, never an error trace.
 */
@Controller
class NotForYouPage {

    static final String PATH = "/not-for-you";

    @RequestMapping(PATH)
    String notForYou(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "not-for-you";
    }
}
