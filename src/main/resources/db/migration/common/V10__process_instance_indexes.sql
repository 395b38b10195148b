-- Tasklist shows each task's request (or appeal) by its process instance: find the row without a full scan
CREATE INDEX ix_request_process ON dd_request (process_instance_id);
CREATE INDEX ix_appeal_process ON dd_appeal (process_instance_id);
