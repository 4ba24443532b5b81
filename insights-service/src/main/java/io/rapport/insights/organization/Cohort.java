package io.rapport.insights.organization;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Ids;
import java.util.ArrayList;
import java.util.List;

/** A group of a tenant's members an admin defines (a program, a graduation year); a member may be in several. */
public record Cohort(String id, String tenantId, String name, String kind) {

    public static final int MAX_NAME = 200;
    public static final int MAX_KIND = 100;

    public static Cohort define(String tenantId, String name, String kind) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = Fields.requiredText(name, "name", MAX_NAME, problems);
        String cleanKind = Fields.text(kind, "kind", MAX_KIND, problems);
        Fields.check(problems);
        return new Cohort(Ids.newId(), tenantId, cleanName, cleanKind);
    }
}
