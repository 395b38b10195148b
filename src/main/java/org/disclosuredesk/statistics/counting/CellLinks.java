package org.disclosuredesk.statistics.counting;

/**
 * Where each count of a {@link Grid} opens the requests (or appeals) it counts: table 三's cells,
 * table 四's and the pre-2019 template's rows. The tables know their cells; which page lists them,
 * and for whose agencies, is the caller's.
 */
public interface CellLinks {

  /** Table 三, row × column. */
  String requests(int year, String row, String column);

  /** Table 四, kind of appeal × result. */
  String appeals(int year, String row, String column);

  /** A row of the pre-2019 template. */
  String legacy(int year, String row);

  /** No links: a spreadsheet or a document, where a cell opens nothing. */
  CellLinks NONE =
      new CellLinks() {
        @Override
        public String requests(int year, String row, String column) {
          return null;
        }

        @Override
        public String appeals(int year, String row, String column) {
          return null;
        }

        @Override
        public String legacy(int year, String row) {
          return null;
        }
      };
}
