-- A generated installation for the benchmarks: provinces of communes, each commune with its units, an
-- issued plan of 50 indicators (every target shape) and 20 tasks carrying out its province's plan (the same 50
-- indicators, each fed by the communes' ones), monthly periods over the plan's years,
-- the lead units' reports with their review history, and evidence metadata (the files themselves are not
-- written). Everything is derived from the seed, so the same settings always give the same rows, ids
-- included. Rows go in through set-based INSERT … SELECT, with the audit triggers on, so the change feed
-- holds every row as the product would have written it.
--
-- Settings (custom parameters set by bench/ProvinceData.java before this script runs):
--   dti_bench.seed        any text
--   dti_bench.provinces   number of provinces
--   dti_bench.communes    communes per province
--   dti_bench.first_year  first year of the plans; they run six years: five of history, reported, reviewed and sent
--                         up, and a sixth still open, with nothing reported yet (what is due, and room to write)
--
-- Statements are separated by a semicolon at the end of a line; the runner executes them one by one, each
-- in its own transaction.

-- A number from 0 to 2^60-1 and a uuid, both derived from the seed and a key.
CREATE FUNCTION pg_temp.h(key text) RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT ('x' || substr(md5(current_setting('dti_bench.seed') || ':' || key), 1, 15))::bit(60)::bigint $$;
CREATE FUNCTION pg_temp.id(key text) RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT md5(current_setting('dti_bench.seed') || ':' || key)::uuid $$;
-- The product's search folding (common/TextSearch): lower case, no diacritics, đ as d, punctuation as space.
CREATE FUNCTION pg_temp.fold(t text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT btrim(regexp_replace(regexp_replace(normalize(lower(replace(replace(t, 'đ', 'd'), 'Đ', 'D')), NFD),
                 '[\u0300-\u036f]', '', 'g'), '[^[:alnum:]]+', ' ', 'g')) $$;

SELECT set_config('dti.actor_kind', 'SYSTEM', false), set_config('dti.actor_name', 'Dữ liệu sinh cho đo hiệu năng', false);

-- ---------------------------------------------------------------- organisation
CREATE TEMP TABLE g_province AS
SELECT p, pg_temp.id('province:' || p) AS id, 'P' || lpad(p::text, 2, '0') AS code, 'Tỉnh Mẫu ' || p AS name
  FROM generate_series(1, current_setting('dti_bench.provinces')::int) p;

CREATE TEMP TABLE g_commune AS
SELECT pr.p, c, pr.id AS province_id, pg_temp.id('commune:' || pr.p || ':' || c) AS id,
       pr.code || '.X' || lpad(c::text, 3, '0') AS code,
       (ARRAY['Xã Bình An', 'Xã Phú Lộc', 'Xã Tân Hòa', 'Phường Long Thành', 'Xã Xuân Đường', 'Phường Hố Nai',
              'Xã Định Quán', 'Xã Nam Cát Tiên', 'Phường Trảng Dài', 'Xã Thống Nhất'])[1 + c % 10] || ' ' || c AS name,
       CASE WHEN c % 4 = 0 THEN 'WARD' ELSE 'COMMUNE' END AS kind
  FROM g_province pr, generate_series(1, current_setting('dti_bench.communes')::int) c;

-- The 14 units of a commune besides its people's committee (15 with it).
CREATE TEMP TABLE g_unit_kind (n int, kind text, name text);
INSERT INTO g_unit_kind VALUES
    (1, 'OFFICE', 'Văn phòng HĐND và UBND'), (2, 'OFFICE', 'Phòng Kinh tế'), (3, 'OFFICE', 'Phòng Văn hóa - Xã hội'),
    (4, 'SERVICE_CENTER', 'Trung tâm Phục vụ hành chính công'), (5, 'POLICE', 'Công an'), (6, 'MILITARY', 'Ban Chỉ huy Quân sự'),
    (7, 'HEALTH_STATION', 'Trạm Y tế'), (8, 'SCHOOL', 'Trường Tiểu học'), (9, 'SCHOOL', 'Trường Trung học cơ sở'),
    (10, 'HAMLET', 'Ấp 1'), (11, 'HAMLET', 'Ấp 2'), (12, 'HAMLET', 'Ấp 3'),
    (13, 'COMMUNITY_TECH_TEAM', 'Tổ công nghệ số cộng đồng'), (14, 'MASS_ORGANISATION', 'Ủy ban Mặt trận Tổ quốc');

CREATE TEMP TABLE g_unit AS
SELECT c.p, c.c, k.n, c.id AS commune_id, pg_temp.id('unit:' || c.code || ':' || k.n) AS id,
       c.code || '.U' || lpad(k.n::text, 2, '0') AS code, k.kind, k.name || ' ' || c.name AS name,
       '/' || c.province_id || '/' || c.id || '/' || pg_temp.id('unit:' || c.code || ':' || k.n) || '/' AS path
  FROM g_commune c, g_unit_kind k;

INSERT INTO org_unit (id, code, name, kind, parent_id, path, search_text, created_at, updated_at)
SELECT id, code, name, 'PROVINCE', NULL, '/' || id || '/', pg_temp.fold(code || ' ' || name), now(), now() FROM g_province;

INSERT INTO org_unit (id, code, name, kind, parent_id, path, search_text, created_at, updated_at)
SELECT id, code, name, kind, province_id, '/' || province_id || '/' || id || '/', pg_temp.fold(code || ' ' || name), now(), now()
  FROM g_commune;

INSERT INTO org_unit (id, code, name, short_name, kind, parent_id, path, search_text, created_at, updated_at)
SELECT u.id, u.code, u.name, k.name, u.kind, u.commune_id, u.path, pg_temp.fold(u.code || ' ' || u.name), now(), now()
  FROM g_unit u JOIN g_unit_kind k ON k.n = u.n;

-- ---------------------------------------------------------------- plans
-- Each province's own plan, which the communes' plans carry out.
CREATE TEMP TABLE g_pplan AS
SELECT pr.p, pr.id AS unit_id, pr.code AS unit_code, pr.name AS unit_name, pg_temp.id('plan:' || pr.code) AS id, pr.code || '-KH' AS code
  FROM g_province pr;

INSERT INTO plan (id, code, document_number, issuing_unit_id, issue_date, issue_place, title, start_year, end_year, status,
                  sections, signer_name, signer_title, recipients, report_frequency, unit_report_day, consolidation_day,
                  coordinator_unit_id, search_text, created_at, updated_at)
SELECT id, code, p || '/KH-UBND', unit_id, make_date(current_setting('dti_bench.first_year')::int, 1, 5), unit_name,
       'Kế hoạch chuyển đổi số ' || unit_name || ' giai đoạn ' || current_setting('dti_bench.first_year') || ' - '
           || (current_setting('dti_bench.first_year')::int + 5),
       current_setting('dti_bench.first_year')::int, current_setting('dti_bench.first_year')::int + 5, 'ISSUED',
       '[{"key":"PURPOSE","heading":"Mục đích, yêu cầu","body":"Dẫn dắt chuyển đổi số của các xã, phường."}]',
       'Trần Văn An', 'Chủ tịch', '["Bộ Khoa học và Công nghệ"]', 'MONTHLY', 25, 28, unit_id, pg_temp.fold(code || ' ' || unit_name), now(), now()
  FROM g_pplan;

CREATE TEMP TABLE g_plan AS
SELECT c.p, c.c, c.id AS unit_id, c.code AS unit_code, c.name AS unit_name, c.province_id,
       pg_temp.id('plan:' || c.code) AS id, c.code || '-KH' AS code,
       (SELECT u.id FROM g_unit u WHERE u.commune_id = c.id AND u.n = 1) AS coordinator_id,
       (SELECT pp.id FROM g_pplan pp WHERE pp.p = c.p) AS parent_id, (SELECT pp.code FROM g_pplan pp WHERE pp.p = c.p) AS parent_code
  FROM g_commune c;

INSERT INTO plan (id, code, document_number, issuing_unit_id, issue_date, issue_place, title, start_year, end_year, status,
                  sections, signer_name, signer_title, recipients, report_frequency, unit_report_day, consolidation_day,
                  coordinator_unit_id, recipient_unit_id, parent_plan_id, search_text, created_at, updated_at)
SELECT id, code, (10 + c) || '/KH-UBND', unit_id, make_date(current_setting('dti_bench.first_year')::int, 1, 10 + c % 15),
       unit_name, 'Kế hoạch chuyển đổi số ' || unit_name || ' giai đoạn ' || current_setting('dti_bench.first_year') || ' - '
           || (current_setting('dti_bench.first_year')::int + 5),
       current_setting('dti_bench.first_year')::int, current_setting('dti_bench.first_year')::int + 5, 'ISSUED',
       '[{"key":"PURPOSE","heading":"Mục đích, yêu cầu","body":"Hoàn thành các chỉ tiêu chuyển đổi số được giao."}]',
       'Nguyễn Văn ' || chr(65 + c % 26), 'Chủ tịch', '["UBND tỉnh","Sở Khoa học và Công nghệ"]', 'MONTHLY', 20, 25,
       coordinator_id, province_id, parent_id, pg_temp.fold(code || ' ' || unit_name), now(), now()
  FROM g_plan;

-- Both kinds of plan, for what they share: groups, indicators, periods.
CREATE TEMP TABLE g_anyplan AS
SELECT id, code, unit_id, false AS province, parent_code FROM g_plan
UNION ALL
SELECT id, code, unit_id, true, NULL FROM g_pplan;

CREATE TEMP TABLE g_group AS
SELECT pl.id AS plan_id, g.kind, g.code, g.name, g.position, pg_temp.id('group:' || pl.code || ':' || g.kind || ':' || g.code) AS id
  FROM g_anyplan pl, (VALUES ('INDICATOR', 'A', 'Phát triển hạ tầng số', 1), ('INDICATOR', 'B', 'Phát triển chính quyền số', 2),
                          ('INDICATOR', 'C', 'Phát triển kinh tế số', 3), ('INDICATOR', 'D', 'Phát triển xã hội số', 4),
                          ('INDICATOR', 'E', 'Bảo đảm an toàn thông tin mạng', 5),
                          ('TASK', 'I', 'Nhiệm vụ về thể chế và nhận thức', 1), ('TASK', 'II', 'Nhiệm vụ về hạ tầng và dữ liệu', 2))
       AS g(kind, code, name, position);

INSERT INTO plan_group (id, plan_id, kind, code, name, position) SELECT id, plan_id, kind, code, name, position FROM g_group;

-- Indicators: 10 per group, their shape from the position (n % 9), worded as the seed plans word them. A
-- province's indicator is led by the province; a commune's feeds the province's indicator of the same code.
CREATE TEMP TABLE g_indicator AS
SELECT pl.id AS plan_id, pl.code AS plan_code, pl.unit_id AS commune_id, g.id AS group_id, g.code || '.' || k AS code,
       (g.position - 1) * 10 + k AS n, k AS position, pg_temp.id('indicator:' || pl.code || ':' || g.code || '.' || k) AS id,
       ((g.position - 1) * 10 + k) % 9 AS shape,
       CASE WHEN pl.province THEN pl.unit_id
            ELSE (SELECT u.id FROM g_unit u WHERE u.commune_id = pl.unit_id AND u.n = 1 + ((g.position - 1) * 10 + k) % 14) END AS lead_id,
       CASE WHEN NOT pl.province THEN pg_temp.id('indicator:' || pl.parent_code || ':' || g.code || '.' || k) END AS contributes_to_id
  FROM g_anyplan pl JOIN g_group g ON g.plan_id = pl.id AND g.kind = 'INDICATOR', generate_series(1, 10) k;

INSERT INTO indicator (id, plan_id, code, group_id, position, content, unit_of_measure, lead_unit_id, captured_as_fraction,
                       numerator_label, denominator_label, evidence_required, contributes_to_id, search_text, created_at, updated_at)
SELECT id, plan_id, code, group_id, position,
       (ARRAY['Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
              'Tỷ lệ văn bản đi được ký số (trừ văn bản mật)',
              'Số điểm truy cập Wi-Fi công cộng trên 1.000 dân',
              'Số tổ công nghệ số cộng đồng được kiện toàn',
              'Số lượt người dân được hướng dẫn kỹ năng số',
              'Hệ thống thông tin của xã được phân loại cấp độ an toàn',
              'Xếp hạng chỉ số chuyển đổi số cấp xã trong tỉnh',
              'Xếp hạng ở nhóm xã dẫn đầu về chuyển đổi số',
              'Triển khai nền tảng bản đồ số của xã'])[1 + shape] || ' (' || code || ')',
       (ARRAY['%', '%', 'điểm/1.000 dân', 'tổ', 'lượt', NULL, 'hạng', 'hạng', NULL])[1 + shape],
       lead_id, shape = 0, CASE WHEN shape = 0 THEN 'Số hồ sơ trực tuyến toàn trình' END,
       CASE WHEN shape = 0 THEN 'Tổng số hồ sơ' END, n % 5 = 0, contributes_to_id, pg_temp.fold(code || ' indicator ' || n), now(), now()
  FROM g_indicator;

INSERT INTO indicator_target (indicator_id, year, kind, comparator, value, per, out_of, text, wording)
SELECT i.id, y, t.kind, t.comparator, t.value, t.per, t.out_of, t.text, t.wording
  FROM g_indicator i, generate_series(current_setting('dti_bench.first_year')::int, current_setting('dti_bench.first_year')::int + 5) y,
       LATERAL (SELECT * FROM (VALUES
           (0, 'PERCENT', 'GE', (60 + (y % 5) * 10)::numeric, NULL::numeric, NULL::int, NULL::text, '≥ ' || (60 + (y % 5) * 10) || '%'),
           (1, 'PERCENT', 'EQ', 100, NULL, NULL, NULL, '100% (trừ văn bản mật)'),
           (2, 'RATIO', 'GE', 1, 1000, NULL, NULL, '1/1.000 dân'),
           (3, 'COUNT', 'GE', 1 + i.n % 3, NULL, NULL, NULL, '≥ ' || (1 + i.n % 3) || ' tổ'),
           (4, 'NUMBER', 'GE', 500 + (y % 5) * 100, NULL, NULL, NULL, '≥ ' || (500 + (y % 5) * 100) || ' lượt'),
           (5, 'PASS_FAIL', NULL, NULL, NULL, NULL, NULL, 'Đạt'),
           (6, 'RANK', 'LE', 20, NULL, 95, NULL, '≤ 20'),
           (7, 'LEADING_GROUP', 'LE', 60, NULL, 95, NULL, 'Xếp hạng ở nhóm 60 xã dẫn đầu'),
           (8, 'MILESTONE', NULL, NULL, NULL, NULL, 'Triển khai', 'Triển khai')) AS s(shape, kind, comparator, value, per, out_of, text, wording)
        WHERE s.shape = i.shape) t;

-- Positions of units in these lists count from 0, as the product keeps them (an ordered list).
INSERT INTO indicator_cooperating_unit (indicator_id, position, unit_id)
SELECT i.id, k - 1, u.id
  FROM g_indicator i, generate_series(1, 2) k, g_unit u
 WHERE k <= i.n % 3 AND u.commune_id = i.commune_id AND u.n = 1 + (i.n + 3 * k) % 14;

CREATE TEMP TABLE g_task AS
SELECT pl.id AS plan_id, pl.unit_id AS commune_id, g.id AS group_id, g.code || '.' || k AS code, (g.position - 1) * 10 + k AS n,
       k AS position, pg_temp.id('task:' || pl.code || ':' || g.code || '.' || k) AS id
  FROM g_plan pl JOIN g_group g ON g.plan_id = pl.id AND g.kind = 'TASK', generate_series(1, 10) k;

INSERT INTO task (id, plan_id, code, group_id, position, description, product, timeframe_kind, timeframe_start_year,
                  timeframe_end_year, timeframe_wording, progress, search_text, created_at, updated_at)
SELECT id, plan_id, code, group_id, position,
       (ARRAY['Tuyên truyền, phổ biến về chuyển đổi số đến người dân', 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
              'Rà soát, nâng cấp hạ tầng mạng nội bộ', 'Tập huấn kỹ năng số cho cán bộ, công chức',
              'Xây dựng kho dữ liệu dùng chung của xã'])[1 + n % 5] || ' (' || code || ')',
       (ARRAY['Kế hoạch', 'Báo cáo', 'Hệ thống', 'Danh sách học viên', 'Cơ sở dữ liệu'])[1 + n % 5],
       (ARRAY['YEAR', 'SPAN', 'ONGOING'])[1 + n % 3],
       CASE n % 3 WHEN 0 THEN current_setting('dti_bench.first_year')::int + n % 5 WHEN 1 THEN current_setting('dti_bench.first_year')::int END,
       CASE n % 3 WHEN 0 THEN current_setting('dti_bench.first_year')::int + n % 5 WHEN 1 THEN current_setting('dti_bench.first_year')::int + 4 END,
       CASE n % 3 WHEN 0 THEN 'Năm ' || (current_setting('dti_bench.first_year')::int + n % 5) WHEN 1 THEN 'Giai đoạn' ELSE 'Thường xuyên' END,
       (ARRAY['COMPLETED', 'IN_PROGRESS', 'NOT_STARTED'])[1 + n % 3], pg_temp.fold(code || ' task ' || n), now(), now()
  FROM g_task;

INSERT INTO task_unit (task_id, position, unit_id, role)
SELECT t.id, k - 1, u.id, CASE k WHEN 1 THEN 'LEAD' ELSE 'COOPERATING' END
  FROM g_task t, generate_series(1, 2) k, g_unit u
 WHERE u.commune_id = t.commune_id AND u.n = 1 + (t.n + 5 * k) % 14;

-- ---------------------------------------------------------------- periods: every month of the plan's years, sent up but for the open year
CREATE TEMP TABLE g_period AS
SELECT pl.id AS plan_id, pl.unit_id AS commune_id, pl.province, m::date AS starts_on,
       pg_temp.id('period:' || pl.code || ':' || to_char(m, 'YYYY-MM')) AS id,
       to_char(m, 'YYYY-MM') AS period_key, extract(year FROM m)::int AS year, extract(month FROM m)::int AS seq,
       extract(year FROM m)::int > current_setting('dti_bench.first_year')::int + 4 AS open
  FROM g_anyplan pl, generate_series(make_date(current_setting('dti_bench.first_year')::int, 1, 1),
                                  make_date(current_setting('dti_bench.first_year')::int + 5, 12, 1), interval '1 month') m;

INSERT INTO reporting_period (id, plan_id, period_key, kind, year, seq, starts_on, ends_on, unit_deadline, consolidation_deadline,
                              sent_up_at, sent_up_by_name, created_at, updated_at)
SELECT id, plan_id, period_key, 'MONTH', year, seq, starts_on, (starts_on + interval '1 month - 1 day')::date,
       starts_on + 19, starts_on + 24,
       CASE WHEN NOT open THEN (starts_on + 24 + time '16:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
       CASE WHEN NOT open THEN 'Văn phòng HĐND và UBND' END, now(), now()
  FROM g_period;

-- ---------------------------------------------------------------- reports of the lead units, submitted before the deadline
INSERT INTO report (id, period_id, plan_id, indicator_id, unit_id, role, state, value_number, numerator, denominator, met, rank,
                    rank_out_of, milestone_text, achievements, difficulties, first_submitted_at, submitted_at, submitted_by_name,
                    created_at, updated_at)
SELECT pg_temp.id('report:' || i.id || ':' || pe.period_key), pe.id, i.plan_id, i.id, i.lead_id, 'LEAD', 'SUBMITTED',
       CASE i.shape WHEN 2 THEN round((v % 300) / 100.0, 2) WHEN 3 THEN 1 + v % 4 WHEN 4 THEN 300 + v % 700 WHEN 1 THEN 90 + v % 11 END,
       CASE WHEN i.shape = 0 THEN 100 + v % 400 END, CASE WHEN i.shape = 0 THEN 500 END,
       CASE WHEN i.shape = 5 THEN v % 5 <> 0 END,
       CASE WHEN i.shape IN (6, 7) THEN 1 + v % 95 END, CASE WHEN i.shape IN (6, 7) THEN 95 END,
       CASE WHEN i.shape = 8 THEN (ARRAY['Đã triển khai', 'Đang triển khai', 'Chưa triển khai'])[1 + v % 3] END,
       'Đã thực hiện theo kế hoạch tháng ' || pe.seq || '/' || pe.year || '.',
       CASE WHEN v % 7 = 0 THEN 'Thiếu kinh phí, nhân lực còn hạn chế.' END,
       ts, ts, 'Cán bộ đơn vị', ts, ts
  FROM g_indicator i JOIN g_period pe ON pe.plan_id = i.plan_id,
       LATERAL (SELECT pg_temp.h('value:' || i.id || ':' || pe.period_key) AS v) hv,
       LATERAL (SELECT (pe.starts_on + 10 + (v % 9)::int + time '09:30') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS ts) t
 WHERE NOT pe.province AND NOT pe.open;

-- Review history: one report in ten is returned with a comment and submitted again, then all are accepted.
UPDATE report r SET state = 'RETURNED', review_comment = 'Đề nghị bổ sung tài liệu kiểm chứng.',
       reviewed_at = r.submitted_at + interval '2 days', reviewed_by_name = 'Điều phối xã', updated_at = now(), version = r.version + 1
 WHERE pg_temp.h('returned:' || r.id) % 10 = 0 AND r.unit_id IN (SELECT id FROM g_unit);

UPDATE report r SET state = 'SUBMITTED', submitted_at = r.reviewed_at + interval '1 day', updated_at = now(), version = r.version + 1
 WHERE r.state = 'RETURNED' AND r.unit_id IN (SELECT id FROM g_unit);

UPDATE report r SET state = 'ACCEPTED', reviewed_at = r.submitted_at + interval '1 day', reviewed_by_name = 'Điều phối xã',
       updated_at = now(), version = r.version + 1
 WHERE r.state = 'SUBMITTED' AND r.unit_id IN (SELECT id FROM g_unit);

-- ---------------------------------------------------------------- evidence: three documents per commune and month, each proving several reports
CREATE TEMP TABLE g_evidence AS
SELECT pe.commune_id, pe.id AS period_id, pe.period_key, d, pg_temp.id('evidence:' || pe.id || ':' || d) AS id,
       encode(sha256(convert_to(current_setting('dti_bench.seed') || ':file:' || pe.id || ':' || d, 'UTF8')), 'hex') AS sha256,
       50000 + pg_temp.h('size:' || pe.id || ':' || d) % 2000000 AS size_bytes, pe.starts_on
  FROM g_period pe, generate_series(1, 3) d
 WHERE NOT pe.province AND NOT pe.open;

INSERT INTO stored_file (sha256, size_bytes, media_type, created_at)
SELECT sha256, size_bytes, 'application/pdf', now() FROM g_evidence;

INSERT INTO evidence (id, kind, title, doc_number, doc_date, issuer, summary, file_name, sha256, media_type, size_bytes,
                      owner_unit_id, uploaded_by_name, created_at, updated_at)
SELECT e.id, 'FILE', (ARRAY['Báo cáo kết quả chuyển đổi số', 'Quyết định kiện toàn Tổ công nghệ số cộng đồng',
                            'Danh sách người dân được hướng dẫn kỹ năng số'])[d] || ' tháng ' || e.period_key,
       d || '/' || e.period_key || '/BC-UBND', e.starts_on + 18, c.name, 'Tài liệu kiểm chứng kỳ ' || e.period_key,
       'tai-lieu-' || e.period_key || '-' || d || '.pdf', e.sha256, 'application/pdf', e.size_bytes, e.commune_id,
       'Cán bộ đơn vị', now(), now()
  FROM g_evidence e JOIN g_commune c ON c.id = e.commune_id;

-- About two reports in five carry one of their period's documents.
INSERT INTO report_evidence (report_id, unit_id, evidence_id, attached_at, attached_by_name)
SELECT r.id, r.unit_id, e.id, r.first_submitted_at, 'Cán bộ đơn vị'
  FROM report r JOIN g_evidence e ON e.period_id = r.period_id AND e.d = 1 + pg_temp.h('evidence-of:' || r.id) % 5
 WHERE r.unit_id IN (SELECT id FROM g_unit);

VACUUM (ANALYZE);
