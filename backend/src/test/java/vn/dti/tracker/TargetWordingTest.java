package vn.dti.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.dti.tracker.indicator.Comparator;
import vn.dti.tracker.indicator.TargetDto;
import vn.dti.tracker.indicator.TargetKind;
import vn.dti.tracker.indicator.TargetWording;
import vn.dti.tracker.indicator.TargetWording.Role;
import vn.dti.tracker.orgunit.OrgUnit;
import vn.dti.tracker.orgunit.OrgUnitKind;
import vn.dti.tracker.orgunit.UnitNames;

/** Targets as the plans word them, read into their shape with the wording kept; unit names as the plans write them. */
class TargetWordingTest {

    static TargetDto read(String wording, String content, String unit) {
        TargetWording.Reading r = TargetWording.read(wording, 2026, Role.TARGET, content, unit);
        assertTrue(r.understood(), wording);
        assertEquals(wording, r.target().wording());
        return r.target();
    }

    static void shape(TargetDto t, TargetKind kind, Comparator comparator, String value) {
        assertEquals(kind, t.kind(), t.wording());
        assertEquals(comparator, t.comparator(), t.wording());
        assertEquals(value == null ? null : new BigDecimal(value), t.value(), t.wording());
    }

    @Test
    void everyShapeOfThePlans() {
        shape(read("≥ 50%", "Tỷ lệ phủ sóng 5G", "%"), TargetKind.PERCENT, Comparator.GE, "50");
        shape(read("100%", "Tỷ lệ hồ sơ được số hóa", "%"), TargetKind.PERCENT, Comparator.EQ, "100");
        shape(read("70%", "Tỷ lệ thủ tục phi địa giới", "%"), TargetKind.PERCENT, Comparator.GE, "70");
        shape(read("tối thiểu 60%", "Tỷ lệ dịch vụ công toàn trình", "%"), TargetKind.PERCENT, Comparator.GE, "60");
        shape(read("99,5%", "Tỷ lệ hồ sơ đúng hạn", "%"), TargetKind.PERCENT, Comparator.GE, "99.5");

        TargetDto secret = read("100% (trừ văn bản mật)", "Tỷ lệ văn bản điện tử", "%");
        shape(secret, TargetKind.PERCENT, Comparator.EQ, "100");
        assertEquals("trừ văn bản mật", secret.qualification());

        TargetDto grdp = read("≥ 1%/năm", "Tỷ lệ chi ngân sách cho chuyển đổi số/ GRDP", "%");
        shape(grdp, TargetKind.PERCENT, Comparator.GE, "1");
        assertEquals("GRDP", grdp.basis());

        TargetDto ratio = read("1/1.000 dân", "Tỷ lệ doanh nghiệp công nghệ số", "doanh nghiệp/1.000 dân");
        shape(ratio, TargetKind.RATIO, Comparator.GE, "1");
        assertEquals(new BigDecimal("1000"), ratio.per());
        assertEquals("dân", ratio.basis());
        TargetDto people = read("4 người/vạn dân", "Nhân lực công nghệ số", "người/vạn dân");
        shape(people, TargetKind.RATIO, Comparator.GE, "4");
        assertEquals(new BigDecimal("10000"), people.per());
        assertEquals("dân", people.basis());

        shape(read("≥ 01", "Trung tâm đổi mới sáng tạo", "Trung tâm"), TargetKind.COUNT, Comparator.GE, "1");
        shape(read("Đạt", "Phần mềm quản trị điều hành thống nhất", "Đạt"), TargetKind.PASS_FAIL, null, null);

        TargetDto rank = read("≤ 4", "Xếp hạng chỉ số Hạ tầng và Nền tảng số", "Thứ hạng");
        shape(rank, TargetKind.RANK, Comparator.LE, "4");
        TargetDto outOf = read("≤12/34", "Xếp hạng chỉ số DTI", "Thứ hạng");
        shape(outOf, TargetKind.RANK, Comparator.LE, "12");
        assertEquals(34, outOf.outOf());
        shape(read("Xếp hạng ở nhóm 60 xã dẫn đầu", "Xếp hạng DTI cấp xã", null), TargetKind.LEADING_GROUP, Comparator.LE, "60");

        TargetDto milestone = read("Triển khai", "Hạ tầng IoT cơ bản", null);
        shape(milestone, TargetKind.MILESTONE, null, null);
        assertEquals("Triển khai", milestone.text());
    }

    @Test
    void baselinesAreFactsAndWordsThatCannotBeReadAreKept() {
        TargetWording.Reading baseline = TargetWording.read("0,36/1.000", null, Role.BASELINE, "Tỷ lệ doanh nghiệp công nghệ số",
                "doanh nghiệp/1.000 dân");
        shape(baseline.target(), TargetKind.RATIO, Comparator.EQ, "0.36");
        assertEquals("dân", baseline.target().basis());
        assertNull(baseline.target().year());
        shape(TargetWording.read("dưới 10%", null, Role.BASELINE, "Tỷ lệ chữ ký số", "%").target(), TargetKind.PERCENT, Comparator.LT, "10");

        TargetWording.Reading words = TargetWording.read("theo hướng dẫn của tỉnh", 2026, Role.TARGET, "Nội dung", null);
        assertFalse(words.understood());
        shape(words.target(), TargetKind.MILESTONE, null, null);
        assertEquals("theo hướng dẫn của tỉnh", words.target().text());
        assertNull(TargetWording.read("  ", 2026, Role.TARGET, "Nội dung", null));
    }

    static OrgUnit unit(String code, String name, OrgUnitKind kind, String path) {
        OrgUnit u = new OrgUnit();
        u.id = java.util.UUID.randomUUID();
        u.code = code;
        u.name = name;
        u.kind = kind;
        u.path = path;
        return u;
    }

    @Test
    void unitNamesMatchIgnoringCaseDiacriticsAndSpacing() {
        OrgUnit office = unit("XL.VHXH", "Phòng Văn hóa - Xã hội", OrgUnitKind.DEPARTMENT, "/p/c/1/");
        OrgUnit vp = unit("XL.VP", "Văn phòng HĐND và UBND", OrgUnitKind.OFFICE, "/p/c/2/");
        OrgUnit banks = unit("XL.NH", "Các Ngân hàng trên địa bàn xã", OrgUnitKind.UNIT_GROUP, "/p/c/3/");
        OrgUnit all = unit("XL.CQ", "Các cơ quan, đơn vị", OrgUnitKind.UNIT_GROUP, "/p/c/4/");
        OrgUnit hamletOffice = unit("XL.AP1.VHXH", "Phòng Văn hóa - Xã hội", OrgUnitKind.DEPARTMENT, "/p/c/5/6/");
        UnitNames names = new UnitNames(List.of(office, vp, banks, all, hamletOffice));

        assertEquals(List.of(office), names.match("phong van hoa xa hoi").units());
        assertEquals(List.of(office), names.match("  PHÒNG  VĂN HÓA – XÃ HỘI ").units());
        assertEquals(List.of(office, vp), names.match("Phòng Văn hóa - Xã hội; Văn phòng HĐND và UBND").units());
        assertEquals(List.of(office, vp), names.match("Phòng Văn hóa - Xã hội và Văn phòng HĐND&UBND").units());
        assertEquals(List.of(office, banks), names.match("Phòng Văn hóa - Xã hội; các Ngân hàng trên địa bàn").units());
        assertEquals(List.of(all), names.match("Các cơ quan, đơn vị").units());

        UnitNames.Match unknown = names.match("Phòng Văn hoá Xã hôi mới");
        assertEquals(List.of(), unknown.units());
        assertEquals("Phòng Văn hoá Xã hôi mới", unknown.unmatched().get(0).name());
        assertEquals(office.code, unknown.unmatched().get(0).candidates().get(0).code);
    }

    @Test
    void aBareNumberTakesItsShapeFromTheUnitOfMeasure() {
        shape(read("50", "Tỷ lệ phủ sóng 5G", "%"), TargetKind.PERCENT, Comparator.GE, "50");
        shape(read("100", "Tỷ lệ hồ sơ được số hóa", "%"), TargetKind.PERCENT, Comparator.EQ, "100");
        shape(read("≥ 80", "Tỷ lệ người dân có VNeID", " % "), TargetKind.PERCENT, Comparator.GE, "80");
        TargetDto grdp = read("1", "Chi ngân sách cho khoa học, công nghệ", "% GRDP");
        shape(grdp, TargetKind.PERCENT, Comparator.GE, "1");
        assertEquals("GRDP", grdp.basis());
        TargetDto people = read("4", "Nhân lực nghiên cứu", "người/vạn dân");
        shape(people, TargetKind.RATIO, Comparator.GE, "4");
        assertEquals(new BigDecimal("10000"), people.per());
        assertEquals("dân", people.basis());
        TargetDto firms = read("≥ 1,5", "Doanh nghiệp công nghệ số", "doanh nghiệp/1.000 dân");
        shape(firms, TargetKind.RATIO, Comparator.GE, "1.5");
        assertEquals(new BigDecimal("1000"), firms.per());
        shape(read("4", "Chỉ số DTI của xã", "Thứ bậc"), TargetKind.RANK, Comparator.LE, "4");
        shape(read("≤ 10", "Chỉ số DTI của xã", "Xếp hạng"), TargetKind.RANK, Comparator.LE, "10");
        shape(read("3", "Chỉ số DTI của xã", "Hạng"), TargetKind.RANK, Comparator.LE, "3");
        // Without a unit that tells, a bare number stays a count.
        shape(read("4", "Số điểm hỗ trợ", "Điểm"), TargetKind.COUNT, Comparator.GE, "4");
        shape(read("4", "Số điểm hỗ trợ", null), TargetKind.COUNT, Comparator.GE, "4");
    }

    @Test
    void unitNamesAsDocumentsAbbreviateThemAndUnitsAboveTheIssuer() {
        OrgUnit province = unit("P", "Tỉnh Đồng Nai", OrgUnitKind.PROVINCE, "/p/");
        OrgUnit dost = unit("P.SKHCN", "Sở Khoa học và Công nghệ", OrgUnitKind.DEPARTMENT, "/p/s/");
        OrgUnit provincePolice = unit("P.CA", "Công an tỉnh", OrgUnitKind.POLICE, "/p/ca/");
        OrgUnit commune = unit("C", "Xã Phú Lâm", OrgUnitKind.COMMUNE, "/p/c/");
        OrgUnit culture = unit("C.VHXH", "Phòng Văn hóa - Xã hội", OrgUnitKind.DEPARTMENT, "/p/c/1/");
        OrgUnit office = unit("C.VP", "Văn phòng HĐND&UBND", OrgUnitKind.OFFICE, "/p/c/2/");
        OrgUnit centre = unit("C.TTPVHCC", "Trung tâm phục vụ Hành chính công xã", OrgUnitKind.SERVICE_CENTER, "/p/c/3/");
        OrgUnit police = unit("C.CA", "Công an xã", OrgUnitKind.POLICE, "/p/c/4/");
        OrgUnit all = unit("C.CQ", "Các cơ quan, đơn vị", OrgUnitKind.UNIT_GROUP, "/p/c/5/");
        UnitNames names = new UnitNames(List.of(List.of(commune, culture, office, centre, police, all), List.of(province, dost,
                provincePolice)), commune);

        for (String written : List.of("Phòng VH&XH", "Phòng VH-XH", "phòng vh - xh", "P. VH-XH", "Phòng Văn hoá Xã hội xã", "PHÒNG VĂN HÓA - XÃ HỘI")) {
            assertEquals(List.of(culture), names.match(written).units(), written);
        }
        for (String written : List.of("Văn phòng HĐND và UBND xã", "VP HĐND & UBND", "Văn phòng HĐND& UBND xã",
                "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã")) {
            assertEquals(List.of(office), names.match(written).units(), written);
        }
        for (String written : List.of("TTPVHCC", "TT PVHCC xã", "Trung tâm Phục vụ hành chính công")) {
            assertEquals(List.of(centre), names.match(written).units(), written);
        }
        for (String written : List.of("Sở KH&CN", "Sở KH & CN", "Sở KHCN", "Sở Khoa học và Công nghệ tỉnh")) {
            assertEquals(List.of(dost), names.match(written).units(), written);
        }
        assertEquals(List.of(commune), names.match("UBND xã").units());
        assertEquals(List.of(commune), names.match("Ủy ban nhân dân xã Phú Lâm").units());
        assertEquals(List.of(province), names.match("UBND tỉnh").units());
        // The commune's own police before the province's, unless the name says which.
        assertEquals(List.of(police), names.match("Công an").units());
        assertEquals(List.of(provincePolice), names.match("Công an tỉnh").units());

        // Several units, split only where every piece names one.
        assertEquals(List.of(culture, police), names.match("Phòng VH-XH, Công an xã").units());
        assertEquals(List.of(culture, police), names.match("Phòng VH-XH. Công an xã").units());
        assertEquals(List.of(culture, office), names.match("Phòng VH&XH và VP HĐND&UBND").units());
        assertEquals(List.of(centre, dost), names.match("TTPVHCC\nSở KH & CN").units());
        assertEquals(List.of(all), names.match("Các cơ quan, đơn vị").units());
        UnitNames.Match whole = names.match("Các cơ quan, đơn vị, phòng ban");
        assertEquals(List.of(), whole.units());
        assertEquals("Các cơ quan, đơn vị, phòng ban", whole.unmatched().get(0).name());
    }
}
