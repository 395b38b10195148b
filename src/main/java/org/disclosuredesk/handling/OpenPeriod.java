package org.disclosuredesk.handling;

import java.time.LocalDate;

/**
 * An open consultation or fee notice as the calendar recalculation sees it: delivered on one day,
 * its last day to answer or pay counted from there in working days.
 */
record OpenPeriod(String id, LocalDate deliveredOn, LocalDate lastDay) {}
