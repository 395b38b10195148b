-- Statutory letters (.docx) generated at each step, kept with the request. Every regeneration is a new version in
-- the same series; earlier versions stay downloadable. LONGBLOB: MySQL's BLOB stops at 64 KB (H2 accepts both).
CREATE TABLE dd_letter (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  request_id  VARCHAR(36)  NOT NULL,
  series_id   VARCHAR(36)  NOT NULL,
  seq         INT          NOT NULL,
  kind        VARCHAR(40)  NOT NULL,
  source_id   VARCHAR(36),
  template    VARCHAR(100) NOT NULL,
  title       VARCHAR(200) NOT NULL,
  version     INT          NOT NULL,
  content     LONGBLOB     NOT NULL,
  created_at  DATETIME     NOT NULL,
  created_by  VARCHAR(64),
  CONSTRAINT fk_letter_request FOREIGN KEY (request_id) REFERENCES dd_request (id),
  CONSTRAINT uq_letter_version UNIQUE (series_id, version),
  CONSTRAINT uq_letter_seq UNIQUE (request_id, seq)
);
