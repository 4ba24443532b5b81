package io.rapport.reminders.preferences.web;

import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How the member wants to be reminded. Changes apply to reminders computed from then on. */
@Tag(name = "Preferences", description = "How the member wants to be reminded; changes apply to reminders computed from then on.")
@RestController
@RequestMapping("/api/preferences")
public class PreferencesController {

    private final MemberPreferences preferences;

    PreferencesController(MemberPreferences preferences) {
        this.preferences = preferences;
    }

    @Operation(operationId = "getPreferences", summary = "Get reminder preferences",
            description = "The member's reminder preferences; `timeZone` is the zone in use: the member's choice, else the one their events carry, else UTC.")
    @GetMapping
    PreferencesResponse get(Member member) {
        return PreferencesResponse.of(preferences.of(member));
    }

    @Operation(operationId = "updatePreferences", summary = "Update reminder preferences",
            description = "Replaces the whole preferences; absent fields take their defaults, unknown fields are refused (400).")
    @PutMapping
    PreferencesResponse put(Member member, @RequestBody PreferencesRequest request) {
        Preferences current = preferences.of(member);
        QuietHoursBody quiet = request.quietHours();
        Preferences chosen = Preferences.of(request.timeZone(), request.morningHour(), request.channels(),
                request.email(), request.digest(), quiet == null ? null : quiet.start(), quiet == null ? null : quiet.end(),
                request.holidays(), request.keepInTouchDays(), current.observedTimeZone());
        preferences.save(member, chosen);
        return PreferencesResponse.of(chosen);
    }

    record QuietHoursBody(String start, String end) {
    }

    /** The whole preferences; absent fields take their defaults. Unknown fields are refused (400). */
    record PreferencesRequest(@Schema(maxLength = Preferences.MAX_ZONE) String timeZone,
            @Schema(example = "09:00") String morningHour, List<String> channels,
            @Schema(maxLength = Preferences.MAX_EMAIL) String email, Boolean digest, QuietHoursBody quietHours,
            @ArraySchema(maxItems = Preferences.MAX_HOLIDAYS, schema = @Schema(example = "2026-12-25")) List<String> holidays,
            @Schema(minimum = "" + Preferences.MIN_KEEP_IN_TOUCH_DAYS, maximum = "" + Preferences.MAX_KEEP_IN_TOUCH_DAYS)
            Integer keepInTouchDays) {
    }

    /** {@code timeZone} is the zone in use: the member's choice, else the one their events carry, else UTC. */
    public record PreferencesResponse(String timeZone, boolean timeZoneChosen, String morningHour, List<String> channels,
            String email, boolean digest, QuietHoursBody quietHours, List<String> holidays, int keepInTouchDays) {

        public static PreferencesResponse of(Preferences p) {
            return new PreferencesResponse(p.zone().getId(), p.timeZone() != null, p.morning().toString(),
                    p.channels().stream().map(Enum::name).sorted().toList(), p.email(), p.digest(),
                    p.quietHours() == null ? null
                            : new QuietHoursBody(p.quietHours().start().toString(), p.quietHours().end().toString()),
                    p.holidays().stream().map(Object::toString).toList(), p.keepInTouchDays());
        }
    }
}
