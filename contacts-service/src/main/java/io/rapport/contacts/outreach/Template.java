package io.rapport.contacts.outreach;

import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.platform.domain.FieldProblem;
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

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** @throws InvalidInputException naming the fields at fault, unknown placeholders listed under "body" */
    public static Template create(String id, Member owner, String name, String channel, String body, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        if (cleanName == null || cleanName.length() > 200) {
            problems.add(new FieldProblem("name", "is required, at most 200 characters"));
        }
        OutreachChannel cleanChannel = OutreachChannel.EMAIL;
        if (channel != null && !channel.isBlank()) {
            cleanChannel = OutreachChannel.parse(channel).orElse(null);
            if (cleanChannel == null) {
                problems.add(new FieldProblem("channel", "must be one of " + Arrays.toString(OutreachChannel.values())));
            }
        }
        if (body == null || body.isBlank() || body.length() > 10_000) {
            problems.add(new FieldProblem("body", "is required, at most 10000 characters"));
        } else {
            Set<String> unknown = unknownPlaceholders(body);
            if (!unknown.isEmpty()) {
                problems.add(new FieldProblem("body", "unknown placeholders " + unknown + "; known are "
                        + Arrays.stream(Placeholder.values()).map(Placeholder::key).toList()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Template(id, owner, cleanName, cleanChannel, body.strip(), now, now, 1);
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
