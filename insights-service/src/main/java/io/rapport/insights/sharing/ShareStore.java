package io.rapport.insights.sharing;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Members' shares (a port: MongoDB in {@code persistence}); a change and its event are one write. */
public interface ShareStore {

    Optional<Share> find(Member member, String advisorId);

    List<Share> of(Member member);

    /** memberId → tier, for every member sharing more than nothing with the advisor. */
    Map<String, Tier> sharingWith(String tenantId, String advisorId);

    void save(Change<Share> change);

    void erase(Member member);
}
