package io.rapport.contacts.outreach;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.ContactDetails;
import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Templates, rendering them for a contact, and linting drafts. */
public class OutreachDesk {

    /** The longest draft or sent outreach text the linter and the log take. */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_PURPOSE = 500;
    public static final int MAX_TIME_FRAMES = 500;

    private final Templates templates;
    private final ContactBook contacts;
    private final Clock clock;

    public OutreachDesk(Templates templates, ContactBook contacts, Clock clock) {
        this.templates = templates;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Template add(Member owner, String name, String channel, String body) {
        Template template = Template.create(Ids.newId(), owner, name, channel, body, clock.instant());
        templates.add(template);
        return template;
    }

    public Template get(Member owner, String id) {
        return templates.find(owner, id).orElseThrow(() -> new NotFoundException("template", id));
    }

    public Template update(Member owner, String id, String name, String channel, String body) {
        Template current = get(owner, id);
        Template updated = current.update(name, channel, body, clock.instant());
        templates.update(updated, current.version());
        return updated;
    }

    public void delete(Member owner, String id) {
        if (!templates.delete(owner, id)) {
            throw new NotFoundException("template", id);
        }
    }

    public List<Template> all(Member owner) {
        return templates.all(owner);
    }

    /** The template filled in for one contact, with what is missing and the linter's findings. */
    public RenderedDraft render(Member owner, String templateId, String contactId, String purpose, String timeFrames) {
        Template template = get(owner, templateId);
        List<FieldProblem> problems = new ArrayList<>();
        Fields.requiredText(contactId, "contactId", ContactDetails.MAX_ID, problems);
        purpose = Fields.text(purpose, "purpose", MAX_PURPOSE, problems);
        timeFrames = Fields.text(timeFrames, "timeFrames", MAX_TIME_FRAMES, problems);
        Fields.check(problems);
        Contact contact = contacts.get(owner, contactId);
        DraftContext context = context(owner, contact);
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.FIRST_NAME, context.firstName());
        values.put(Placeholder.HOOK, context.hook());
        values.put(Placeholder.EMPLOYER, context.employer());
        values.put(Placeholder.ROLE, context.role());
        values.put(Placeholder.REFERRER_NAME, context.referrerName());
        values.put(Placeholder.PURPOSE, purpose);
        values.put(Placeholder.TIME_FRAMES, timeFrames);
        TemplateRenderer.Rendered rendered = TemplateRenderer.render(template.body(), values);
        return new RenderedDraft(rendered.text(), rendered.missing().isEmpty(), rendered.missing(),
                OutreachLinter.lint(rendered.text(), template.channel(), context));
    }

    /** Lints any draft; with a contact, the connection and personalization are judged against their details. */
    public List<LintFinding> lint(Member owner, String text, OutreachChannel channel, String contactId) {
        List<FieldProblem> problems = new ArrayList<>();
        Fields.requiredText(text, "text", MAX_TEXT, problems);
        Fields.check(problems);
        DraftContext context = contactId == null || contactId.isBlank() ? DraftContext.NONE
                : context(owner, contacts.get(owner, contactId));
        return OutreachLinter.lint(text, channel, context);
    }

    /** Lints what was sent to a contact the caller has just read (a recorded outreach): no second read of it. */
    public List<LintFinding> lint(Member owner, String text, OutreachChannel channel, Contact contact) {
        return OutreachLinter.lint(text, channel, context(owner, contact));
    }

    private DraftContext context(Member owner, Contact contact) {
        ContactDetails details = contact.details();
        String referrerName = null;
        // The referrer's name is used only with their permission, as recorded with the referral.
        if (details.referredByContactId() != null && details.mayUseReferrerName()) {
            try {
                referrerName = contacts.get(owner, details.referredByContactId()).details().name();
            } catch (NotFoundException erasedOrArchived) {
                referrerName = null;
            }
        }
        return new DraftContext(details.firstName(), details.employer(), details.role(), details.hook(), referrerName);
    }
}
