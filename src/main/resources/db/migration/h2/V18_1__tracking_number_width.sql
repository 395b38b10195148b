-- room for an agency code in front of the number (RSJ-2026-0001; codes have up to 16 characters, DOMAIN.md §8)
ALTER TABLE dd_request ALTER COLUMN tracking_number VARCHAR(40) NOT NULL;
