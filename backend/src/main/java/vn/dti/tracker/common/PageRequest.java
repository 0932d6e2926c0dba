package vn.dti.tracker.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paging and sorting as every list accepts them: {@code page} (0-based), {@code size} (1-200) and
 * {@code sort} as {@code field,asc|desc}, where the field is one of the list's documented names.
 */
public record PageRequest(int page, int size, String orderBy) {

    public static final int MAX_SIZE = 200;

    /**
     * @param sortable API sort names mapped to HQL paths
     * @param defaultOrder HQL order used when no sort is given, and as tie-breaker
     */
    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortable, String defaultOrder) {
        List<FieldError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            errors.add(new FieldError("page", "request.invalid-page", "Số trang phải từ 0 trở lên."));
        } else if ((long) p * Math.max(s, 1) > Integer.MAX_VALUE) {
            // The first row of such a page is past any row a list can hold, and past what a query can skip.
            errors.add(new FieldError("page", "request.invalid-page", "Số trang quá lớn."));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "request.invalid-size", "Số dòng mỗi trang phải từ 1 đến " + MAX_SIZE + "."));
        }
        String order = defaultOrder;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            String field = parts[0].trim();
            String direction = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
            String path = sortable.get(field);
            if (path == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                errors.add(new FieldError("sort", "request.invalid-sort",
                        "Không sắp xếp được theo '" + sort + "'. Dùng một trong " + String.join(", ", sortable.keySet())
                                + ", kèm ',asc' hoặc ',desc'."));
            } else {
                order = path + " " + direction + ", " + defaultOrder;
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("request.invalid-paging", "Tham số phân trang hoặc sắp xếp không hợp lệ.", errors);
        }
        return new PageRequest(p, s, order);
    }

    /** How many rows come before this page; {@link #of} made sure it fits an int. */
    public int offset() {
        return page * size;
    }
}
