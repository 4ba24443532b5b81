package io.rapport.contacts.employers;

import java.util.List;

/**
 * An employer with its Advocacy as it stands: {@code advocacy} is the override when the member set
 * one, else {@code derivedAdvocacy}; {@code advocates} are the contacts that make it derived.
 */
public record RankedEmployer(TargetEmployer employer, boolean advocacy, boolean derivedAdvocacy,
        List<String> advocates) {

    public RankedEmployer {
        advocates = List.copyOf(advocates);
    }
}
