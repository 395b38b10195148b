-- The clerk's home lists today's registrations (created_at in one day) and each clerk's latest ones: without this
-- index both read every request, at ten years' intake on every visit to the home page.
CREATE INDEX ix_request_created ON dd_request (created_at);
