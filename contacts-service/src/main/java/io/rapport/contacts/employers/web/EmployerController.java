package io.rapport.contacts.employers.web;

import io.rapport.contacts.employers.EmployerBook;
import io.rapport.contacts.employers.RankedEmployer;
import io.rapport.contacts.employers.TargetEmployer;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Employers", description = "Target employers, ranked with the LAMP method (Advocacy, Motivation, Posting).")
@RestController
@RequestMapping("/api/employers")
class EmployerController {

    private final EmployerBook book;

    EmployerController(EmployerBook book) {
        this.book = book;
    }

    @Operation(operationId = "addEmployer", summary = "Add a target employer",
            description = "Stores an employer with its Motivation and Posting scores; Advocacy is derived from the member's contacts there unless overridden.",
            responses = @ApiResponse(responseCode = "201", description = "Created; `Location` names the new record.", useReturnTypeSchema = true))
    @PostMapping
    ResponseEntity<EmployerResponse> add(Member member, @RequestBody EmployerRequest request) {
        RankedEmployer added = book.add(member, request.toInput());
        return ResponseEntity.created(URI.create("/api/employers/" + added.employer().id()))
                .body(EmployerResponse.of(added));
    }

    /** The LAMP ranking: Motivation, then Posting, then Advocacy, descending, ties by name; {@code top=5} is the working set. */
    @Operation(operationId = "listEmployers", summary = "List employers, ranked",
            description = "The LAMP ranking: Motivation, then Posting, then Advocacy, descending, ties by name; `top` limits the list (5 is the working set).")
    @GetMapping
    List<EmployerResponse> ranked(Member member, @RequestParam(defaultValue = "" + EmployerBook.MAX_TOP) int top) {
        return book.ranked(member, top).stream().map(EmployerResponse::of).toList();
    }

    @Operation(operationId = "getEmployer", summary = "Get an employer",
            description = "One target employer of the calling member, with its scores and rank.")
    @GetMapping("/{id}")
    EmployerResponse get(Member member, @PathVariable String id) {
        return EmployerResponse.of(book.get(member, id));
    }

    @Operation(operationId = "updateEmployer", summary = "Update an employer",
            description = "Replaces the employer's fields; `advocacyOverride` true or false sets Advocacy by hand, null derives it from the contacts.")
    @PutMapping("/{id}")
    EmployerResponse update(Member member, @PathVariable String id, @RequestBody EmployerRequest request) {
        return EmployerResponse.of(book.update(member, id, request.toInput()));
    }

    @Operation(operationId = "deleteEmployer", summary = "Delete an employer",
            description = "Removes the employer from the member's targets; its contacts stay.",
            responses = @ApiResponse(responseCode = "204", description = "Deleted."))
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Member member, @PathVariable String id) {
        book.delete(member, id);
        return ResponseEntity.noContent().build();
    }

    /** {@code advocacyOverride}: true or false to set Advocacy by hand, null to derive it from the contacts. */
    record EmployerRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = TargetEmployer.MAX_NAME) String name,
            @Schema(maxLength = TargetEmployer.MAX_NAME) String industry,
            @Schema(maxLength = TargetEmployer.MAX_WEBSITE, description = "An http(s) address", example = "https://bluefin.example") String website,
            @Schema(maxLength = TargetEmployer.MAX_NOTES) String notes,
            @Schema(minimum = "0", maximum = "3", description = "0 (don't know enough yet) to 3; 0 when absent") Integer motivation,
            @Schema(minimum = "1", maximum = "3", description = "1 (none), 2 (some) or 3 (relevant to the target role); 1 when absent") Integer posting,
            Boolean advocacyOverride) {

        TargetEmployer.Input toInput() {
            return new TargetEmployer.Input(name, industry, website, notes, motivation, posting, advocacyOverride);
        }
    }
}
