package io.rapport.platform.domain;

import java.util.regex.Pattern;

/**
 * Who a record belongs to: a member of a tenant (the career-services organization). Every read
 * and every write is scoped to one.
 */
public record Member(String memberId, String tenantId) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");

    public Member {
        if (!isValidId(memberId) || !isValidId(tenantId)) {
            throw new IllegalArgumentException("member and tenant ids are 1-128 letters, digits or ._@:-");
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
