package io.rapport.notes.profile.web;

import io.rapport.notes.profile.MemberData;
import io.rapport.notes.profile.MemberProfile;
import io.rapport.notes.profile.Profiles;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The member's own profile (skills, target roles, industries) and the export of all their notes data. */
@Tag(name = "Profile", description = "The member's own profile (skills, target roles, industries) and the export of their notes data.")
@RestController
@RequestMapping("/api/profile")
class ProfileController {

    private final Profiles profiles;
    private final MemberData data;

    ProfileController(Profiles profiles, MemberData data) {
        this.profiles = profiles;
        this.data = data;
    }

    @Operation(operationId = "getProfile", summary = "Get the profile",
            description = "The member's skills, target roles and industries.")
    @GetMapping
    ProfileBody get(Member member) {
        return ProfileBody.of(profiles.find(member).orElse(MemberProfile.empty(member)));
    }

    @Operation(operationId = "updateProfile", summary = "Update the profile",
            description = "Replaces the member's skills, target roles and industries.")
    @PutMapping
    ProfileBody put(Member member, @RequestBody ProfileBody request) {
        MemberProfile profile = MemberProfile.of(member, request.skills(), request.targetRoles(), request.industries());
        profiles.save(profile);
        return ProfileBody.of(profile);
    }

    /** Everything notes-service holds of the member, as JSON. */
    @Operation(operationId = "exportNotesData", summary = "Export the member's notes data",
            description = "Everything notes-service holds of the calling member, as JSON.")
    @GetMapping("/export")
    ResponseEntity<MemberData.Export> export(Member member) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"notes-export.json\"")
                .body(data.export(member));
    }

    record ProfileBody(
            @ArraySchema(maxItems = MemberProfile.MAX_ITEMS, schema = @Schema(maxLength = MemberProfile.MAX_ITEM)) List<String> skills,
            @ArraySchema(maxItems = MemberProfile.MAX_ITEMS, schema = @Schema(maxLength = MemberProfile.MAX_ITEM)) List<String> targetRoles,
            @ArraySchema(maxItems = MemberProfile.MAX_ITEMS, schema = @Schema(maxLength = MemberProfile.MAX_ITEM)) List<String> industries) {
        static ProfileBody of(MemberProfile profile) {
            return new ProfileBody(profile.skills(), profile.targetRoles(), profile.industries());
        }
    }
}
