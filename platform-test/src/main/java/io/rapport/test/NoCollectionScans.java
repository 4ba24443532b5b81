package io.rapport.test;

import io.rapport.store.FullScans;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fails a test during which the store answered any query by reading a whole collection, whether the test's
 * own request, an event consumer or the outbox relay asked it: on a school's worth of data such a query costs
 * what is stored rather than what is asked. Fix it with an index whose leading keys the query fixes (declared
 * where the adapter declares its indexes) or a query that fixes them. Only on the embedded store, which
 * records scans; the containers run has nothing to read.
 */
public class NoCollectionScans implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        FullScans scans = scans(context);
        if (scans != null) {
            scans.clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        FullScans scans = scans(context);
        if (scans != null && !scans.counts().isEmpty()) {
            throw new AssertionError("Queries the store answered by reading a whole collection (declare an index "
                    + "whose leading keys the query fixes, or fix them in the query): " + scans.counts());
        }
    }

    private static FullScans scans(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBeanProvider(FullScans.class).getIfAvailable();
    }
}
