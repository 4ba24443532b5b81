package io.rapport.contacts.outreach;

import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reusable outreach message with {@code {{placeholders}}}; only known placeholders are accepted. */
public record Template(String id, Member owner, String name, OutreachChannel channel, String body, Instant createdAt,
        Instant updatedAt, long version) {

    public static final int MAX_NAME = 200;
    public static final int MAX_BODY = 10_000;

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** @throws InvalidInputException naming the fields at fault, unknown placeholders listed under "body" */
    public static Template create(String id, Member owner, String name, String channel, String body, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = Fields.requiredText(name, "name", MAX_NAME, problems);
        OutreachChannel cleanChannel = Fields.clean(channel) == null ? OutreachChannel.EMAIL
                : Fields.oneOf(OutreachChannel.class, channel, "channel", problems);
        String cleanBody = Fields.requiredText(body, "body", MAX_BODY, problems);
        if (cleanBody != null) {
            Set<String> unknown = unknownPlaceholders(body);
            if (!unknown.isEmpty()) {
                problems.add(new FieldProblem("body", "unknown placeholders " + unknown + "; known are "
                        + Arrays.stream(Placeholder.values()).map(Placeholder::key).toList()));
            }
        }
        Fields.check(problems);
        return new Template(id, owner, cleanName, cleanChannel, cleanBody, now, now, 1);
    }

    public Template update(String newName, String newChannel, String newBody, Instant now) {
        Template checked = create(id, owner, newName, newChannel, newBody, now);
        return new Template(id, owner, checked.name, checked.channel, checked.body, createdAt, now, version + 1);
    }

    /** The placeholders the body uses, in order of first use. */
    public Set<Placeholder> placeholders() {
        Set<Placeholder> used = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            Placeholder.byKey(matcher.group(1)).ifPresent(used::add);
        }
        return used;
    }

    static Set<String> unknownPlaceholders(String body) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            if (Placeholder.byKey(matcher.group(1)).isEmpty()) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }
}
