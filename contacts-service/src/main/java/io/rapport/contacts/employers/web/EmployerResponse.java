package io.rapport.contacts.employers.web;

import io.rapport.contacts.employers.RankedEmployer;
import io.rapport.contacts.employers.TargetEmployer;
import java.time.Instant;
import java.util.List;

/** An employer with its LAMP scores; {@code advocacy} is the override if set, else the derived value. */
public record EmployerResponse(String id, String name, String industry, String website, String notes, int motivation,
        int posting, boolean advocacy, boolean derivedAdvocacy, Boolean advocacyOverride, List<String> advocateContactIds,
        Instant createdAt, Instant updatedAt, long version) {

    public static EmployerResponse of(RankedEmployer ranked) {
        TargetEmployer employer = ranked.employer();
        return new EmployerResponse(employer.id(), employer.name(), employer.industry(), employer.website(),
                employer.notes(), employer.motivation(), employer.posting(), ranked.advocacy(), ranked.derivedAdvocacy(),
                employer.advocacyOverride(), ranked.advocates(), employer.createdAt(), employer.updatedAt(),
                employer.version());
    }
}
