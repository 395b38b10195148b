-- The ledger's search (ledger/LedgerSearch): a LIKE '%…%' over a million descriptions reads every row. Instead each
-- description is cut into pairs of characters (ledger/SearchGrams, bigrams: the usual index for Chinese text);
-- a pair is one number (first code point * 0x110000 + second). V13 fills it for the requests already there.
CREATE TABLE dd_request_gram (
  gram       BIGINT      NOT NULL,
  request_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (gram, request_id)
);
-- the other things a clerk types: a name from its start, an ID number or credit code whole
CREATE INDEX ix_request_applicant_name ON dd_request (applicant_name);
CREATE INDEX ix_request_id_number ON dd_request (applicant_id_number);
CREATE INDEX ix_request_credit_code ON dd_request (applicant_credit_code);
