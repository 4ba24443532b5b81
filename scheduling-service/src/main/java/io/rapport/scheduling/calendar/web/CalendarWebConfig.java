package io.rapport.scheduling.calendar.web;

import io.rapport.platform.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import io.rapport.scheduling.calendar.FeedTokens;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class CalendarWebConfig {

    /** After the correlation filter (so a feed request is still traced), before the member identity filter. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    @Bean
    FilterRegistrationBean<FeedTokenFilter> feedTokenFilter(ObjectProvider<FeedTokens> tokens, ProblemWriter problems) {
        FilterRegistrationBean<FeedTokenFilter> registration = new FilterRegistrationBean<>(new FeedTokenFilter(tokens::getObject, problems));
        registration.addUrlPatterns("/api/calendar/feeds/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
