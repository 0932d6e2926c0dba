package vn.dti.tracker.orgunit;

/** What an organisation unit is; the tree of DOMAIN.md runs province → communes → their units. */
public enum OrgUnitKind {
    /** Tỉnh / thành phố. */
    PROVINCE,
    /** Xã. */
    COMMUNE,
    /** Phường. */
    WARD,
    /** Sở, phòng chuyên môn. */
    DEPARTMENT,
    /** Văn phòng (HĐND và UBND, UBND tỉnh). */
    OFFICE,
    /** Trung tâm Phục vụ hành chính công. */
    SERVICE_CENTER,
    /** Đơn vị sự nghiệp (trung tâm văn hóa, dịch vụ tổng hợp). */
    PUBLIC_SERVICE_UNIT,
    /** Công an. */
    POLICE,
    /** Ban Chỉ huy Quân sự. */
    MILITARY,
    /** Trạm Y tế. */
    HEALTH_STATION,
    /** Trường học. */
    SCHOOL,
    /** Ấp. */
    HAMLET,
    /** Khu phố. */
    NEIGHBOURHOOD,
    /** Tổ công nghệ số cộng đồng. */
    COMMUNITY_TECH_TEAM,
    /** Đoàn thể (Đoàn Thanh niên, Hội Phụ nữ, …). */
    MASS_ORGANISATION,
    /** Báo, đài. */
    MEDIA,
    /** Trường đại học, cao đẳng. */
    UNIVERSITY,
    /** Doanh nghiệp đối tác (VNPT, Viettel, FPT). */
    PARTNER_COMPANY,
    /** Ngân hàng. */
    BANK,
    /** A collective named as one party in a document ("Các đơn vị viễn thông"). */
    UNIT_GROUP
}
