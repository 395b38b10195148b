-- our own tables hold Chinese text including characters outside the BMP: utf8mb4 for everything created here.
-- utf8mb4_unicode_520_ci, not utf8mb4_unicode_ci/general_ci: those compare every character outside the BMP as
-- equal (𠀀 = 𠀁), which breaks keys and searches on rare characters; 520 exists on MySQL 8.4 and MariaDB alike.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
