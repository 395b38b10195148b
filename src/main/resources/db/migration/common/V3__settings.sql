-- Key-value settings the app keeps in the database (agency configuration edited at run time).
-- Portable between H2 and MySQL/MariaDB; on MySQL the table takes utf8mb4 from the database default
-- that db/callback/mysql/beforeMigrate.sql sets.
CREATE TABLE dd_setting (
  name       VARCHAR(100)  NOT NULL PRIMARY KEY,
  value_text VARCHAR(2000) NULL,
  updated_at TIMESTAMP     NULL
);
