package io.rapport.insights.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which cells of one figure may be shown: each needs at least k contributors, and none may be recoverable by
 * differencing. Cells are compared by their contributor sets: when a shown cell B lies inside a shown cell A and
 * A has fewer than k members outside B, B is suppressed (A less B would single out those few); when the shown
 * cells inside A leave fewer than k of A's members uncovered, the smallest of them is suppressed (A less the
 * others would). The smaller cell goes, so the tenant total stays whenever it can.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The groups whose cell may be shown, in the order given. */
    public static Set<String> shown(Map<String, Set<String>> contributors, int k) {
        Set<String> shown = new LinkedHashSet<>();
        contributors.forEach((group, members) -> {
            if (members.size() >= k) {
                shown.add(group);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String outer : List.copyOf(shown)) {
                if (!shown.contains(outer)) {
                    continue;
                }
                Set<String> a = contributors.get(outer);
                List<String> inside = new ArrayList<>();
                for (String inner : shown) {
                    Set<String> b = contributors.get(inner);
                    if (!inner.equals(outer) && b.size() < a.size() && a.containsAll(b)) {
                        inside.add(inner);
                    }
                }
                for (String inner : inside) {
                    if (a.size() - contributors.get(inner).size() < k) {
                        shown.remove(inner);
                        changed = true;
                    }
                }
                inside.removeIf(inner -> !shown.contains(inner));
                if (!inside.isEmpty()) {
                    Set<String> uncovered = new HashSet<>(a);
                    inside.forEach(inner -> uncovered.removeAll(contributors.get(inner)));
                    if (!uncovered.isEmpty() && uncovered.size() < k) {
                        shown.remove(inside.stream().min(Comparator.comparingInt(inner -> contributors.get(inner).size()))
                                .orElseThrow());
                        changed = true;
                    }
                }
            }
        }
        return shown;
    }
}
