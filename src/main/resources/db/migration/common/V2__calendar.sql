-- Working-day calendar (DOMAIN.md §3): State Council notices per covered year, editable by an admin at run time.
-- Portable SQL for H2 and MySQL/MariaDB.

-- years for which a notice is known; other years fall back to Monday–Friday with a warning
CREATE TABLE dd_calendar_year (
  cal_year   INT          NOT NULL PRIMARY KEY,
  origin     VARCHAR(200) NOT NULL,
  updated_at TIMESTAMP    NOT NULL,
  updated_by VARCHAR(100)
);

-- listed days: OFF = statutory day off, WORK = make-up working day (调休上班); name = the holiday, e.g. 国庆节
CREATE TABLE dd_calendar_day (
  cal_date DATE         NOT NULL PRIMARY KEY,
  cal_year INT          NOT NULL,
  kind     VARCHAR(4)   NOT NULL,
  name     VARCHAR(100),
  CONSTRAINT dd_calendar_day_kind CHECK (kind IN ('OFF', 'WORK')),
  CONSTRAINT dd_calendar_day_year FOREIGN KEY (cal_year) REFERENCES dd_calendar_year (cal_year)
);
CREATE INDEX dd_calendar_day_by_year ON dd_calendar_day (cal_year);

-- one row: bumped with every change so that every node of a cluster reloads; also the lock writers take
CREATE TABLE dd_calendar_revision (
  id         INT       NOT NULL PRIMARY KEY,
  revision   INT       NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
INSERT INTO dd_calendar_revision (id, revision, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP);
