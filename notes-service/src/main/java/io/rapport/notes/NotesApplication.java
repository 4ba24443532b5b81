package io.rapport.notes;

import io.rapport.notes.goals.Goals;
import io.rapport.notes.goals.GrowthPlan;
import io.rapport.notes.notes.KnownInterviews;
import io.rapport.notes.notes.NoteBook;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.notes.profile.MemberData;
import io.rapport.notes.profile.Profiles;
import io.rapport.notes.synthesis.Syntheses;
import io.rapport.notes.synthesis.InterviewInsights;
import io.rapport.platform.domain.Erasures;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Notes of held interviews, thank-yous, synthesis across interviews and growth plans. */
@SpringBootApplication
public class NotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }

    @Bean
    NoteBook noteBook(NoteRecords records, KnownInterviews interviews, Clock clock) {
        return new NoteBook(records, interviews, clock);
    }

    @Bean
    InterviewInsights interviewInsights(NoteRecords records, Profiles profiles, Syntheses syntheses, Clock clock) {
        return new InterviewInsights(records, profiles, syntheses, clock);
    }

    @Bean
    GrowthPlan growthPlan(Goals goals, Clock clock) {
        return new GrowthPlan(goals, clock);
    }

    @Bean
    MemberData memberData(NoteRecords records, KnownInterviews interviews, Profiles profiles, Goals goals,
            Syntheses syntheses, Erasures erasures, Clock clock) {
        return new MemberData(records, interviews, profiles, goals, syntheses, erasures, clock);
    }
}
