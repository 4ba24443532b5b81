package io.rapport.insights;

import io.rapport.events.DomainEvent;
import io.rapport.platform.domain.Member;
import io.rapport.platform.web.IdentityTokens;
import io.rapport.test.ApiClient;
import io.rapport.test.TestEvents;
import java.util.List;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;

/** A fresh tenant for one test: callers with roles, and its members' events as the other services publish them. */
final class Tenant {

    private static final IdentityTokens TOKENS = new IdentityTokens(ApiClient.IDENTITY_SECRET);

    final String id = "uni-" + UUID.randomUUID();
    private final String baseUrl;
    private final KafkaTemplate<String, byte[]> kafka;

    Tenant(int port, KafkaTemplate<String, byte[]> kafka) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.kafka = kafka;
    }

    ApiClient admin(String id) {
        return as(id, this.id, "admin");
    }

    ApiClient advisor(String id) {
        return as(id, this.id, "advisor");
    }

    ApiClient member(String id) {
        return as(id, this.id, "member");
    }

    ApiClient as(String caller, String tenant, String... roles) {
        return ApiClient.at(baseUrl).header(IdentityTokens.HEADER,
                TOKENS.sign(new Member(caller, tenant), List.of(roles), IdentityTokens.MAX_LIFETIME));
    }

    Member memberOf(String memberId) {
        return new Member(memberId, id);
    }

    void publish(String memberId, DomainEvent... events) {
        for (DomainEvent event : events) {
            kafka.send(TestEvents.record(event, memberOf(memberId))).join();
        }
    }
}
