package io.rapport.scheduling.questions;

/** What a question explores; the categories of the practice (seeds and DOMAIN.md step 5). */
public enum QuestionCategory {
    CAREER_PATH, DAY_TO_DAY, CHALLENGES, SKILLS, TRENDS, ADVICE, RESOURCES_AND_REFERRALS
}
