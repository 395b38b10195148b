-- Again on the connection that runs the migration: Flyway opened it before beforeMigrate altered the database, and
-- MySQL/MariaDB keep the database defaults a session saw when it connected, so a CREATE TABLE here would otherwise
-- still get the server's default collation.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
