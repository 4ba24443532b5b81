package io.rapport.contacts.imports.web;

import io.rapport.contacts.contacts.ImportReport;
import io.rapport.contacts.imports.ContactImports;
import io.rapport.contacts.imports.ImportJob;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * LinkedIn's Connections.csv imported as a job: the upload is answered at once with 202 and the job's
 * {@code Location}; the job tells its progress, then the per-row report.
 */
@RestController
@RequestMapping("/api/contacts")
@Tag(name = "Contacts", description = "The member's contacts: people at target employers, their stage, touches and referrals.")
class ImportController {

    private final ContactImports imports;

    ImportController(ContactImports imports) {
        this.imports = imports;
    }

    /** The file as the request body (text/csv); {@code Idempotency-Key} makes a retried upload the same job. */
    @Operation(operationId = "importLinkedInConnections", summary = "Import LinkedIn connections",
            description = "Takes LinkedIn's Connections.csv as the request body (`text/csv`, up to 30,000 rows) and "
                    + "answers at once with 202 and the job's `Location`; follow it for the progress and, once done, "
                    + "a report per row (added, skipped as a duplicate, or refused with the reason). The same "
                    + "`Idempotency-Key` with the same file is the same job, so a retried upload never imports twice.")
    @ApiResponse(responseCode = "202", description = "The import job, accepted")
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<ImportJobResponse> importLinkedIn(Member member,
            @Parameter(description = "Makes a retried upload the same job (at most 200 characters)")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) String csv) {
        ContactImports.Accepted accepted = imports.accept(member, idempotencyKey, csv);
        ImportJob job = accepted.job();
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/contacts/imports/" + job.id()))
                .body(ImportJobResponse.of(job, null));
    }

    @Operation(operationId = "getImportJob", summary = "Follow an import",
            description = "The import job's progress (rows read, created, duplicates, invalid) and, once done, the "
                    + "report per row. A FAILED job says why and how to finish it (upload again with the same key).")
    @GetMapping("/imports/{id}")
    ImportJobResponse progress(Member member, @PathVariable String id) {
        Map.Entry<ImportJob, List<ImportReport.RowResult>> progress = imports.progress(member, id);
        return ImportJobResponse.of(progress.getKey(), progress.getValue());
    }

    /**
     * @param done true once every row was read; {@code rows} (the per-row report) is given then, by
     *     {@code GET /api/contacts/imports/{id}}
     * @param failure why a FAILED job stopped, and how to finish it
     */
    record ImportJobResponse(String id, String status, boolean done, int rowsTotal, int rowsRead, int created,
            int duplicates, int invalid, String failure, Instant createdAt, Instant updatedAt, Instant finishedAt,
            List<ImportReport.RowResult> rows) {

        static ImportJobResponse of(ImportJob job, List<ImportReport.RowResult> rows) {
            return new ImportJobResponse(job.id(), job.status().name(), job.done(), job.rowsTotal(), job.rowsRead(),
                    job.created(), job.duplicates(), job.invalid(), job.failure(), job.createdAt(), job.updatedAt(),
                    job.finishedAt(), job.done() && rows != null ? rows : null);
        }
    }
}
