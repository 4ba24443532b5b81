package io.rapport.insights.volunteers;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Ids;
import java.util.ArrayList;
import java.util.List;

/**
 * An alumna or alumnus who volunteers for informational interviews with the tenant's members: what they do, what
 * they will talk about, and how many requests a month they accept.
 */
public record Volunteer(String id, String tenantId, String name, String email, String employer, String role,
                        String industry, List<String> topics, int monthlyCap) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_TOPICS = 20;
    public static final int MAX_MONTHLY_CAP = 100;

    public static Volunteer register(String tenantId, String name, String email, String employer, String role,
            String industry, List<String> topics, Integer monthlyCap) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = Fields.requiredText(name, "name", MAX_TEXT, problems);
        String cleanEmail = Fields.requiredText(email, "email", MAX_EMAIL, problems);
        if (cleanEmail != null && !cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "must be an e-mail address"));
        }
        String cleanEmployer = Fields.text(employer, "employer", MAX_TEXT, problems);
        String cleanRole = Fields.text(role, "role", MAX_TEXT, problems);
        String cleanIndustry = Fields.text(industry, "industry", MAX_TEXT, problems);
        List<String> cleanTopics = new ArrayList<>();
        Fields.atMost(topics, MAX_TOPICS, "topics", problems);
        if (topics != null) {
            for (String topic : topics) {
                String clean = Fields.text(topic, "topics", MAX_TEXT, problems);
                if (clean != null) {
                    cleanTopics.add(clean);
                }
            }
        }
        if (monthlyCap == null) {
            problems.add(new FieldProblem("monthlyCap", "is required"));
        } else {
            Fields.between(monthlyCap, 1, MAX_MONTHLY_CAP, "monthlyCap", problems);
        }
        Fields.check(problems);
        return new Volunteer(Ids.newId(), tenantId, cleanName, cleanEmail, cleanEmployer, cleanRole, cleanIndustry,
                List.copyOf(cleanTopics), monthlyCap);
    }
}
