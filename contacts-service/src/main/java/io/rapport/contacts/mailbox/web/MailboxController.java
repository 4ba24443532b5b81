package io.rapport.contacts.mailbox.web;

import io.rapport.contacts.mailbox.MailboxConnection;
import io.rapport.contacts.mailbox.MailboxDesk;
import io.rapport.contacts.mailbox.MailboxServer;
import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@Tag(name = "Mailbox", description = "The member's mailbox (IMAP, read-only, opt-in): replies from contacts are detected from message headers.")
@RestController
@RequestMapping("/api/mailbox")
class MailboxController {

    private final ObjectProvider<MailboxDesk> desk;

    MailboxController(ObjectProvider<MailboxDesk> desk) {
        this.desk = desk;
    }

    @Operation(operationId = "connectMailbox", summary = "Connect the member's mailbox",
            description = "Stores where and how to sign in to the member's mailbox over IMAP (the password sealed with "
                    + "AES-GCM, never returned or logged) and starts watching it: the headers (From, To, Date, Message-ID, "
                    + "In-Reply-To) of messages exchanged with the member's contacts, never bodies. Connecting again "
                    + "replaces the connection (e.g. a new app password after a pause). With auth oauth2 (providers "
                    + "that allow no passwords) it takes an OAuth2 refresh token instead, sealed the same way; before "
                    + "each look the server exchanges it at its configured token endpoint for an access token and "
                    + "signs in with SASL XOAUTH2. 400 naming auth when this server has no OAuth2 client configured.")
    @PutMapping
    MailboxConnection connect(Member member, @RequestBody ConnectRequest request) {
        MailboxServer server = MailboxServer.of(request.host(), request.port(), request.tls(), request.user(),
                request.auth(), request.password(), request.refreshToken());
        return MailboxConnection.of(desk().connect(member, server));
    }

    @Operation(operationId = "getMailbox", summary = "The mailbox connection's status",
            description = "Connected or paused, when it was last checked and the last error in plain words. Never the password. 404 when none is connected.")
    @GetMapping
    MailboxConnection status(Member member) {
        return MailboxConnection.of(desk().status(member));
    }

    @Operation(operationId = "disconnectMailbox", summary = "Disconnect the mailbox",
            description = "Deletes the stored credentials and stops watching. What was already recorded (replies) stays.",
            responses = @ApiResponse(responseCode = "204", description = "Disconnected."))
    @DeleteMapping
    ResponseEntity<Void> disconnect(Member member) {
        desk().disconnect(member);
        return ResponseEntity.noContent().build();
    }

    private MailboxDesk desk() {
        MailboxDesk available = desk.getIfAvailable();
        if (available == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Mailbox connections are off on this server: it has no key to seal credentials with (rapport.mailbox.key).");
        }
        return available;
    }

    record ConnectRequest(
            @Schema(description = "The IMAP server's host name", maxLength = MailboxServer.MAX_HOST, example = "imap.example.org") String host,
            @Schema(description = "Default 993 (IMAP over TLS)", minimum = "" + MailboxServer.MIN_PORT,
                    maximum = "" + MailboxServer.MAX_PORT) Integer port,
            @Schema(description = "IMAP over TLS; default true") Boolean tls,
            @Schema(description = "The user name to sign in with, usually the e-mail address", maxLength = MailboxServer.MAX_USER) String user,
            @Schema(description = "The password or app password (with auth password); sealed at rest, never returned",
                    maxLength = MailboxServer.MAX_PASSWORD, accessMode = Schema.AccessMode.WRITE_ONLY) String password,
            @Schema(description = "How to sign in: password (the default) or oauth2 (SASL XOAUTH2 with refreshToken)",
                    allowableValues = {"password", "oauth2"}) String auth,
            @Schema(description = "The OAuth2 refresh token issued to this server's OAuth2 client for the mailbox (with "
                    + "auth oauth2); sealed at rest, never returned", maxLength = MailboxServer.MAX_REFRESH_TOKEN,
                    accessMode = Schema.AccessMode.WRITE_ONLY) String refreshToken) {

        @Override
        public String toString() {
            return "ConnectRequest[" + user + "@" + host + ":" + port + ", " + auth + ", secrets hidden]";
        }
    }
}
