package io.rapport.events;

import java.time.Instant;

/**
 * A member asked an alumni volunteer of their organization for an informational interview; the request counted
 * against the volunteer's monthly cap. Carries what the member's new contact needs (source alumni).
 */
public record AlumniVolunteerRequested(
        String requestId,
        String volunteerId,
        String name,
        String email,
        String employer,
        String role,
        String industry,
        Instant requestedAt) implements DomainEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
