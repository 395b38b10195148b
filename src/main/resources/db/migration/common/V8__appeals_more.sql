-- What the appeal's steps record beyond table 四: our reply/defence note, the decision's note, and the re-handling
-- a CORRECTED result orders (the request itself keeps its first conclusion: DOMAIN.md §5).
ALTER TABLE dd_appeal ADD COLUMN response_note VARCHAR(2000);
ALTER TABLE dd_appeal ADD COLUMN result_note VARCHAR(2000);
ALTER TABLE dd_appeal ADD COLUMN redo_due_on DATE;
ALTER TABLE dd_appeal ADD COLUMN rehandled_on DATE;
ALTER TABLE dd_appeal ADD COLUMN rehandled_outcome VARCHAR(40);
ALTER TABLE dd_appeal ADD COLUMN rehandle_note VARCHAR(2000);
CREATE UNIQUE INDEX ux_appeal_case ON dd_appeal (request_id, kind, case_number);
