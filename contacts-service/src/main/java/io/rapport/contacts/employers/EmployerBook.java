package io.rapport.contacts.employers;

import io.rapport.contacts.contacts.Contacts;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.util.List;

/** The member's use cases on target employers. */
public class EmployerBook {

    public static final int MAX_TOP = 1000;

    private final Employers employers;
    private final Contacts contacts;
    private final Clock clock;

    public EmployerBook(Employers employers, Contacts contacts, Clock clock) {
        this.employers = employers;
        this.contacts = contacts;
        this.clock = clock;
    }

    public RankedEmployer add(Member owner, TargetEmployer.Input input) {
        TargetEmployer employer = TargetEmployer.create(Ids.newId(), owner, input, clock.instant());
        employers.add(employer);
        return LampRanking.assess(employer, contacts.all(owner));
    }

    public RankedEmployer get(Member owner, String id) {
        return LampRanking.assess(find(owner, id), contacts.all(owner));
    }

    public RankedEmployer update(Member owner, String id, TargetEmployer.Input input) {
        TargetEmployer current = find(owner, id);
        TargetEmployer updated = current.update(input, clock.instant());
        employers.update(updated, current.version());
        return LampRanking.assess(updated, contacts.all(owner));
    }

    public void delete(Member owner, String id) {
        if (!employers.delete(owner, id)) {
            throw new NotFoundException("target employer", id);
        }
    }

    /** The LAMP list; {@code top} = 5 is the working set. */
    public List<RankedEmployer> ranked(Member owner, int top) {
        return LampRanking.rank(employers.all(owner), contacts.all(owner), Fields.between(top, 1, MAX_TOP, "top"));
    }

    public TargetEmployer find(Member owner, String id) {
        return employers.find(owner, id).orElseThrow(() -> new NotFoundException("target employer", id));
    }
}
