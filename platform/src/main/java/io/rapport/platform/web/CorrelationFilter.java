package io.rapport.platform.web;

import io.rapport.platform.correlation.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/** Takes the request's correlation id (or makes one) for the logs and the events this request causes. */
public class CorrelationFilter extends OncePerRequestFilter {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(Correlation.HEADER);
        Correlation.set(given != null && SAFE.matcher(given).matches() ? given : null);
        try {
            response.setHeader(Correlation.HEADER, Correlation.current());
            chain.doFilter(request, response);
        } finally {
            Correlation.clear();
        }
    }
}
