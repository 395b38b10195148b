-- our own tables hold Chinese text including characters outside the BMP: utf8mb4 for everything created here
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
