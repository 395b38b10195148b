-- 主动公开政府信息情况 (table 二 of the annual report, 国办公开办函〔2021〕30号), one row per report year. The
-- process records none of it: the manager types it in (PUT /api/statistics/{year}/proactive). A NULL cell was not
-- filled in and stays blank in the report document, as opposed to a typed 0.
CREATE TABLE dd_proactive_disclosure (
  report_year                  INT           NOT NULL PRIMARY KEY,
  regulations_issued           BIGINT        NULL,  -- 规章 本年制发件数
  regulations_repealed         BIGINT        NULL,  -- 规章 本年废止件数
  regulations_in_force         BIGINT        NULL,  -- 规章 现行有效件数
  normative_documents_issued   BIGINT        NULL,  -- 行政规范性文件 …
  normative_documents_repealed BIGINT        NULL,
  normative_documents_in_force BIGINT        NULL,
  licensing_decisions          BIGINT        NULL,  -- 第二十条第（五）项 行政许可 本年处理决定数量
  penalty_decisions            BIGINT        NULL,  -- 第二十条第（六）项 行政处罚
  coercion_decisions           BIGINT        NULL,  -- 第二十条第（六）项 行政强制
  charges_ten_thousand_yuan    DECIMAL(16,4) NULL,  -- 第二十条第（八）项 行政事业性收费 本年收费金额（万元）
  updated_at                   DATETIME      NOT NULL,
  updated_by                   VARCHAR(64)   NOT NULL
);
