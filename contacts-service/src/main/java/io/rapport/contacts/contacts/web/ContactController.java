package io.rapport.contacts.contacts.web;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactBook;
import io.rapport.contacts.contacts.ContactPage;
import io.rapport.platform.domain.Member;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final ContactBook book;

    ContactController(ContactBook book) {
        this.book = book;
    }

    @PostMapping
    ResponseEntity<ContactResponse> add(Member member, @RequestBody ContactRequest request) {
        Contact contact = book.add(member, request.toDetails());
        return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).body(ContactResponse.of(contact));
    }

    @GetMapping("/{id}")
    ContactResponse get(Member member, @PathVariable String id) {
        return ContactResponse.of(book.get(member, id));
    }

    @PutMapping("/{id}")
    ContactResponse update(Member member, @PathVariable String id, @RequestBody ContactRequest request) {
        return ContactResponse.of(book.update(member, id, request.toDetails()));
    }

    @GetMapping
    Page list(Member member, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        ContactPage page = book.list(member, after, limit);
        return new Page(page.contacts().stream().map(ContactResponse::of).toList(), page.nextCursor());
    }

    /** A page of contacts; pass {@code nextCursor} as {@code after} for the next one. */
    record Page(List<ContactResponse> items, String nextCursor) {
    }
}
