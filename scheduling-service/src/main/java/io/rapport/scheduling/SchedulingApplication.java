package io.rapport.scheduling;

import io.rapport.platform.domain.Erasures;
import io.rapport.scheduling.calendar.CalendarConnections;
import io.rapport.scheduling.calendar.CalendarFeeds;
import io.rapport.scheduling.calendar.FeedTokens;
import io.rapport.scheduling.contacts.KnownContacts;
import io.rapport.scheduling.erasure.MemberData;
import io.rapport.scheduling.interviews.BookingLock;
import io.rapport.scheduling.interviews.BusyTimes;
import io.rapport.scheduling.interviews.InterviewBook;
import io.rapport.scheduling.interviews.Interviews;
import io.rapport.scheduling.questions.MemberQuestions;
import io.rapport.scheduling.questions.QuestionBank;
import io.rapport.scheduling.questions.QuestionPlanner;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Interviews: proposing, scheduling, confirming and holding them, with question plans and calendar files. */
@SpringBootApplication
public class SchedulingApplication {

    public static void main(String[] args) {
        SpringApplication.run(SchedulingApplication.class, args);
    }

    @Bean
    InterviewBook interviewBook(Interviews interviews, KnownContacts contacts, BookingLock bookings, Clock clock,
            @Value("${rapport.scheduling.conflict-buffer:15m}") Duration conflictBuffer, ObjectProvider<BusyTimes> busyTimes) {
        return new InterviewBook(interviews, contacts, bookings, clock, conflictBuffer,
                busyTimes.getIfAvailable(() -> BusyTimes.NONE));
    }

    @Bean
    FeedTokens feedTokens(CalendarFeeds feeds, Clock clock) {
        return new FeedTokens(feeds, clock);
    }

    @Bean
    QuestionBank questionBank(MemberQuestions questions) {
        return new QuestionBank(questions);
    }

    @Bean
    QuestionPlanner questionPlanner(InterviewBook interviews, Interviews store, QuestionBank bank, Clock clock) {
        return new QuestionPlanner(interviews, store, bank, clock);
    }

    @Bean
    MemberData memberData(Erasures erasures, Interviews interviews, MemberQuestions questions, CalendarFeeds feeds,
            KnownContacts contacts, CalendarConnections calendars) {
        return new MemberData(erasures, interviews, questions, feeds, contacts, calendars);
    }
}
