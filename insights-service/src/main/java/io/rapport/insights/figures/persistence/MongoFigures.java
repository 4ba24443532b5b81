package io.rapport.insights.figures.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.insights.figures.Figure;
import io.rapport.insights.figures.FiguresStore;
import io.rapport.insights.figures.TenantFigures;
import io.rapport.insights.figures.TopIndustry;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per tenant ({@code _id} tenant): the figures as last computed, and while they are out of date a
 * {@code staleSince} (in a sparse index, so finding stale tenants costs what is stale) and a version raised on
 * every change.
 */
@Repository
public class MongoFigures implements FiguresStore {

    public static final String COLLECTION = "tenant_figures";

    private final MongoTemplate mongo;

    public MongoFigures(MongoTemplate mongo) {
        this.mongo = mongo;
        declareIndexes();
    }

    private void declareIndexes() {
        // Stale tenants, oldest first: {staleSince: {$exists: true}}.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("staleSince", Sort.Direction.ASC).sparse().named("stale_figures"));
    }

    @Override
    public void markStale(String tenantId) {
        Query query = Query.query(where("_id").is(tenantId));
        Update update = new Update().min("staleSince", new Date()).inc("version", 1);
        try {
            mongo.upsert(query, update, COLLECTION);
        } catch (DuplicateKeyException raced) {
            mongo.updateFirst(query, update, COLLECTION);
        }
    }

    @Override
    public List<Stale> stale(int limit) {
        Query query = Query.query(where("staleSince").exists(true)).with(Sort.by("staleSince")).limit(limit);
        query.fields().include("_id", "version");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(document -> new Stale(document.getString("_id"), ((Number) document.get("version")).longValue()))
                .toList();
    }

    @Override
    public void save(TenantFigures figures, Stale seen) {
        Document periods = new Document();
        figures.periods().forEach((period, cells) -> {
            Document cohorts = new Document();
            cells.cohorts().forEach((cohort, values) -> cohorts.put(cohort, cells(values)));
            Document cohortIndustries = new Document();
            cells.cohortIndustries().forEach((cohort, industries) -> cohortIndustries.put(cohort, industries(industries)));
            periods.put(period, new Document("total", cells(cells.total())).append("cohorts", cohorts)
                    .append("industries", new Document("total", industries(cells.totalIndustries()))
                            .append("cohorts", cohortIndustries)));
        });
        Update update = new Update().set("minGroupSize", figures.minGroupSize())
                .set("computedAt", Date.from(figures.computedAt())).set("periods", periods);
        long unchanged = mongo.updateFirst(Query.query(where("_id").is(seen.tenantId()).and("version").is(seen.version())),
                update.unset("staleSince"), COLLECTION).getModifiedCount();
        if (unchanged == 0) {
            // Changed again meanwhile: keep these figures, and the tenant stale for the next round.
            mongo.updateFirst(Query.query(where("_id").is(seen.tenantId())), new Update().set("minGroupSize",
                    figures.minGroupSize()).set("computedAt", Date.from(figures.computedAt())).set("periods", periods),
                    COLLECTION);
        }
    }

    @Override
    public Optional<TenantFigures> find(String tenantId) {
        Document document = mongo.findOne(Query.query(where("_id").is(tenantId)), Document.class, COLLECTION);
        if (document == null || document.get("periods") == null) {
            return Optional.empty();
        }
        Map<String, TenantFigures.Period> periods = new LinkedHashMap<>();
        document.get("periods", Document.class).forEach((period, value) -> {
            Document cells = (Document) value;
            Map<String, Map<Figure, Double>> cohorts = new TreeMap<>();
            cells.get("cohorts", Document.class).forEach((cohort, values) -> cohorts.put(cohort, cells((Document) values)));
            // Figures stored before the top industries have none: they come with the next recomputation.
            Document industries = cells.get("industries", Document.class);
            Map<String, List<TopIndustry>> cohortIndustries = new TreeMap<>();
            if (industries != null && industries.get("cohorts") instanceof Document byCohort) {
                byCohort.forEach((cohort, list) -> cohortIndustries.put(cohort, industries(list)));
            }
            periods.put(period, new TenantFigures.Period(cells(cells.get("total", Document.class)), cohorts,
                    industries == null ? List.of() : industries(industries.get("total")), cohortIndustries));
        });
        return Optional.of(new TenantFigures(tenantId, document.getInteger("minGroupSize"),
                document.getDate("computedAt").toInstant(), periods));
    }

    @Override
    public void reset() {
        mongo.dropCollection(COLLECTION);
        declareIndexes();
    }

    private static Document cells(Map<Figure, Double> values) {
        Document document = new Document();
        values.forEach((figure, value) -> document.put(figure.name(), value));
        return document;
    }

    private static List<Document> industries(List<TopIndustry> industries) {
        return industries.stream().map(industry -> new Document("industry", industry.industry())
                .append("members", industry.members())).toList();
    }

    private static List<TopIndustry> industries(Object stored) {
        if (!(stored instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(Document.class::cast).map(document -> new TopIndustry(document.getString("industry"),
                ((Number) document.get("members")).intValue())).toList();
    }

    private static Map<Figure, Double> cells(Document document) {
        Map<Figure, Double> values = new EnumMap<>(Figure.class);
        if (document != null) {
            document.forEach((figure, value) -> values.put(Figure.valueOf(figure), ((Number) value).doubleValue()));
        }
        return values;
    }
}
