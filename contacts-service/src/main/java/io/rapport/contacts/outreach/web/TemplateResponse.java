package io.rapport.contacts.outreach.web;

import io.rapport.contacts.outreach.Placeholder;
import io.rapport.contacts.outreach.Template;
import java.time.Instant;
import java.util.List;

public record TemplateResponse(String id, String name, String channel, String body, List<String> placeholders,
        Instant createdAt, Instant updatedAt, long version) {

    public static TemplateResponse of(Template template) {
        return new TemplateResponse(template.id(), template.name(), template.channel().name(), template.body(),
                template.placeholders().stream().map(Placeholder::key).toList(), template.createdAt(),
                template.updatedAt(), template.version());
    }
}
