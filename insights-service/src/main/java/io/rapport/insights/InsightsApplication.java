package io.rapport.insights;

import io.rapport.insights.activity.ActivityProjection;
import io.rapport.insights.activity.ActivityStore;
import io.rapport.insights.activity.MemberData;
import io.rapport.insights.activity.messaging.DomainEventsListener;
import io.rapport.insights.caseload.Caseload;
import io.rapport.insights.caseload.NudgeStore;
import io.rapport.insights.figures.FiguresStore;
import io.rapport.insights.figures.OrganizationFigures;
import io.rapport.insights.identity.Caller;
import io.rapport.insights.identity.web.CallerResolver;
import org.springdoc.core.utils.SpringDocUtils;
import io.rapport.insights.organization.Organization;
import io.rapport.insights.organization.OrganizationStore;
import io.rapport.insights.overasked.OverAskedContacts;
import io.rapport.insights.overasked.OverAskedStore;
import io.rapport.insights.volunteers.AlumniVolunteers;
import io.rapport.insights.volunteers.VolunteerStore;
import io.rapport.insights.rebuild.messaging.ReadModelRebuild;
import io.rapport.insights.sharing.ShareStore;
import io.rapport.insights.sharing.Sharing;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.web.IdentityTokens;
import io.rapport.platform.work.BackgroundWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The career-services organization's view: advisors' caseloads, members' sharing, cohort figures. Its read models
 * are built only from the other services' events and can be rebuilt from the topics' beginning.
 */
@SpringBootApplication
public class InsightsApplication {

    static {
        // The caller comes from the gateway's identity token, never from the client's request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    public static void main(String[] args) {
        SpringApplication.run(InsightsApplication.class, args);
    }

    @Bean
    Organization organization(OrganizationStore store, OrganizationFigures figures) {
        return new Organization(store, figures::markStale);
    }

    @Bean
    Sharing sharing(ShareStore shares, Clock clock) {
        return new Sharing(shares, clock);
    }

    @Bean
    Caseload caseload(Organization organization, ShareStore shares, ActivityStore activity, NudgeStore nudges, Clock clock) {
        return new Caseload(organization, shares, activity, nudges, clock);
    }

    @Bean
    OrganizationFigures organizationFigures(FiguresStore figures, ActivityStore activity, OrganizationStore organization,
            Clock clock) {
        return new OrganizationFigures(figures, activity, organization, clock);
    }

    @Bean
    ActivityProjection activityProjection(ActivityStore activity, Erasures erasures, OrganizationFigures figures) {
        return new ActivityProjection(activity, erasures, figures::markStale);
    }

    @Bean
    MemberData memberData(ActivityStore activity, ShareStore shares, OrganizationStore organization, NudgeStore nudges,
            OverAskedStore overAsked, Erasures erasures, OrganizationFigures figures) {
        return new MemberData(activity, shares, organization, nudges, overAsked, erasures, figures::markStale);
    }

    @Bean
    OverAskedContacts overAskedContacts(OverAskedStore store, Clock clock) {
        return new OverAskedContacts(store, clock);
    }

    @Bean
    AlumniVolunteers alumniVolunteers(VolunteerStore store, Clock clock) {
        return new AlumniVolunteers(store, clock);
    }

    /** With {@code rapport.insights.rebuild=true} the read models are dropped here, before the listener starts. */
    @Bean
    DomainEventsListener domainEventsListener(ActivityProjection projection, OverAskedContacts overAsked,
            MemberData memberData, ActivityStore activity, FiguresStore figures, OverAskedStore overAskedStore,
            @Value("${rapport.insights.rebuild:false}") boolean rebuild) {
        if (rebuild) {
            new ReadModelRebuild(activity, figures, overAskedStore, null, null).dropReadModels();
        }
        return new DomainEventsListener(projection, overAsked, memberData, rebuild);
    }

    @Bean
    ReadModelRebuild readModelRebuild(ActivityStore activity, FiguresStore figures, OverAskedStore overAsked,
            DomainEventsListener listener, KafkaListenerEndpointRegistry containers) {
        return new ReadModelRebuild(activity, figures, overAsked, listener, containers);
    }

    /**
     * Recomputes stale tenants' figures, so a request only reads them. A recompute reads every member of the tenant:
     * while events keep arriving (a busy Monday, a rebuild) it would run back to back, so it takes at most
     * {@code figures-busy-share} of its thread's time (a tenant of 5,000 members, 0.6 s a recompute: figures every
     * ~2.5 s at 0.25). A tenant marked stale here wakes it, at most once per {@code figures-interval} (as often as
     * the loop looked before); at rest it looks on its own once per {@code figures-look-interval}, for tenants
     * another instance marked (a look at the stale index every second cost 0.15 % of a core at rest).
     */
    @Bean
    BackgroundWorker figuresRefresh(OrganizationFigures figures,
            @Value("${rapport.insights.figures-interval:1s}") Duration interval,
            @Value("${rapport.insights.figures-look-interval:10s}") Duration lookInterval,
            @Value("${rapport.insights.figures-busy-share:0.25}") double busyShare) {
        BackgroundWorker worker = new BackgroundWorker("figures-refresh", figures::refreshStale,
                new BackgroundWorker.Pacing(lookInterval, Duration.ofSeconds(10), busyShare, interval), () -> { });
        figures.whenStale(worker::wake);
        return worker;
    }

    @Bean
    WebMvcConfigurer callerArguments(IdentityTokens tokens) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerResolver(tokens));
            }
        };
    }
}
