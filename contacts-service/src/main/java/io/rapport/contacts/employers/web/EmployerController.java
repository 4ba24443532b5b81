package io.rapport.contacts.employers.web;

import io.rapport.contacts.employers.EmployerBook;
import io.rapport.contacts.employers.RankedEmployer;
import io.rapport.contacts.employers.TargetEmployer;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.media.Schema;
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

@RestController
@RequestMapping("/api/employers")
class EmployerController {

    private final EmployerBook book;

    EmployerController(EmployerBook book) {
        this.book = book;
    }

    @PostMapping
    ResponseEntity<EmployerResponse> add(Member member, @RequestBody EmployerRequest request) {
        RankedEmployer added = book.add(member, request.toInput());
        return ResponseEntity.created(URI.create("/api/employers/" + added.employer().id()))
                .body(EmployerResponse.of(added));
    }

    /** The LAMP ranking: Motivation, then Posting, then Advocacy, descending, ties by name; {@code top=5} is the working set. */
    @GetMapping
    List<EmployerResponse> ranked(Member member, @RequestParam(defaultValue = "" + EmployerBook.MAX_TOP) int top) {
        return book.ranked(member, top).stream().map(EmployerResponse::of).toList();
    }

    @GetMapping("/{id}")
    EmployerResponse get(Member member, @PathVariable String id) {
        return EmployerResponse.of(book.get(member, id));
    }

    @PutMapping("/{id}")
    EmployerResponse update(Member member, @PathVariable String id, @RequestBody EmployerRequest request) {
        return EmployerResponse.of(book.update(member, id, request.toInput()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Member member, @PathVariable String id) {
        book.delete(member, id);
        return ResponseEntity.noContent().build();
    }

    /** {@code advocacyOverride}: true or false to set Advocacy by hand, null to derive it from the contacts. */
    record EmployerRequest(@Schema(maxLength = TargetEmployer.MAX_NAME) String name,
            @Schema(maxLength = TargetEmployer.MAX_NAME) String industry,
            @Schema(maxLength = TargetEmployer.MAX_WEBSITE) String website,
            @Schema(maxLength = TargetEmployer.MAX_NOTES) String notes,
            @Schema(minimum = "0", maximum = "3") Integer motivation, @Schema(minimum = "1", maximum = "3") Integer posting,
            Boolean advocacyOverride) {

        TargetEmployer.Input toInput() {
            return new TargetEmployer.Input(name, industry, website, notes, motivation, posting, advocacyOverride);
        }
    }
}
