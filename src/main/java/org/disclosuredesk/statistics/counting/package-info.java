/**
 * The law of the annual report (政府信息公开工作年度报告, 国办公开办函〔2021〕30号; DOMAIN.md §6 and §7): the official
 * layout of tables 二 to 四 and of the pre-2019 template, and the rules that count grouped requests
 * into them, in plain Java. Nothing here reads a database, runs the engine or answers a request:
 * the statistics package feeds it {@link org.disclosuredesk.statistics.counting.Tally tallies} and
 * shows what it counts.
 */
package org.disclosuredesk.statistics.counting;
