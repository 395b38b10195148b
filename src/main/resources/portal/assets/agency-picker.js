// 受理机关 on the application form (only on a platform of several agencies, API.md "Agencies"). The control is the
// native <select> with one <optgroup> per kind: keyboards, screen readers and phones' own pickers all know it. A
// filter box narrows it; options are taken out and put back rather than hidden, as iOS Safari lists hidden options.
// The choice is remembered on this device and preselected next time; ?agency=CODE preselects too (links from the
// guide and the status page's referral).
import { $, el, api, setText } from './portal-common.js';

const REMEMBER_KEY = 'disclosure-desk.agency';

/** Full-width letters and digits as half-width, no spaces, lower case: how both sides of a match are compared. */
const fold = (text) => String(text || '')
  .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
  .replace(/\s+/g, '')
  .toLowerCase();

function remembered() {
  try { return localStorage.getItem(REMEMBER_KEY) || ''; } catch (e) { return ''; }
}

function remember(code) {
  try {
    if (code) localStorage.setItem(REMEMBER_KEY, code);
  } catch (e) { /* private mode: nothing kept */ }
}

/**
 * Wires the picker if the page has one; returns null on a one-agency platform. `onChange` is called after every
 * change of the chosen agency, by the applicant or by the filter.
 */
export function agencyPicker({ onChange = () => {} } = {}) {
  const select = $('agencyCode');
  if (!select) return null;
  const filter = $('agency-filter');
  const contact = $('agency-contact');
  const placeholder = select.querySelector('option[value=""]');
  const groups = [...select.querySelectorAll('optgroup')].map((group) => ({
    group,
    options: [...group.querySelectorAll('option')].map((option) => ({
      option,
      // what the server put in data-search (name, short name, code), and the shown name in case it is missing
      key: fold(`${option.getAttribute('data-search') || ''} ${option.textContent} ${option.value}`),
    })),
  }));
  const all = () => groups.flatMap((g) => g.options);
  const has = (code) => all().some((o) => o.option.value === code);
  const chosen = () => all().find((o) => o.option.value === select.value);

  /** The chosen agency's full name (a long one does not fit the closed select on a phone) and contacts. */
  function showContact() {
    const c = chosen();
    if (!c) {
      contact.replaceChildren();
      return;
    }
    const address = c.option.getAttribute('data-address');
    const phone = c.option.getAttribute('data-phone');
    contact.replaceChildren(el('span', { cls: 'agency-contact-name', text: c.option.textContent }));
    if (address) contact.append(el('span', { text: `地址：${address}` }));
    if (phone) contact.append(el('span', { cls: 'nowrap', text: `电话：${phone}` }));
  }

  function changed() {
    showContact();
    remember(select.value);
    onChange(select.value);
  }

  /** Shows the matching agencies; the one already chosen stays in the list, so typing never drops a choice. */
  function applyFilter() {
    const query = fold(filter.value);
    const before = select.value;
    const matches = query ? all().filter((o) => o.key.includes(query)) : all();
    let value = before;
    if (query && matches.length === 1) value = matches[0].option.value; // the one left is the one meant
    const shown = new Set(matches.map((o) => o.option));
    const current = all().find((o) => o.option.value === value);
    if (current) shown.add(current.option);
    else value = '';
    const children = [placeholder];
    for (const g of groups) {
      const visible = g.options.filter((o) => shown.has(o.option)).map((o) => o.option);
      g.group.replaceChildren(...visible);
      if (visible.length) children.push(g.group);
    }
    select.replaceChildren(...children);
    select.value = value;
    placeholder.textContent = query && matches.length > 1 ? `请从 ${matches.length} 个相符的机关中选择` : '请选择机关';
    if (!query) setText('agency-filter-status', '');
    else if (!matches.length) setText('agency-filter-status', `没有找到与“${filter.value.trim()}”相符的机关，请换几个字，或者清空查找框查看全部机关。`);
    else if (matches.length === 1) setText('agency-filter-status', `找到 1 个相符的机关，已选择：${matches[0].option.textContent}。`);
    else setText('agency-filter-status', `找到 ${matches.length} 个相符的机关，请在下面的列表中选择。`);
    if (select.value !== before) changed();
  }

  /**
   * After the server refused the agency: the list as it is now (an agency may have been retired since the page was
   * loaded). True when the chosen agency is no longer offered, and so was taken out.
   */
  async function sync() {
    const res = await api('GET', '/public/api/agencies');
    if (!res.ok || !Array.isArray(res.data)) return false;
    const offered = new Set(res.data.map((a) => a && a.code));
    const gone = select.value && !offered.has(select.value);
    for (const g of groups) g.options = g.options.filter((o) => offered.has(o.option.value));
    applyFilter();
    return Boolean(gone);
  }

  select.addEventListener('change', changed);
  filter.addEventListener('input', applyFilter);
  filter.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === 'ArrowDown') {
      // Enter in a text box would send the form; here it means "go to the list"
      ev.preventDefault();
      select.focus();
    } else if (ev.key === 'Escape' && filter.value) {
      ev.preventDefault();
      filter.value = '';
      applyFilter();
    }
  });
  $('agency-filter-block').hidden = false;

  // ?agency=CODE (a link naming the agency) first, then the device's last choice; an agency no longer listed is
  // simply not preselected
  const asked = (new URLSearchParams(location.search).get('agency') || '').trim().toUpperCase();
  const preselect = has(asked) ? asked : has(remembered()) ? remembered() : '';
  if (preselect) select.value = preselect;
  showContact();

  return {
    value: () => select.value,
    label: () => (chosen() ? chosen().option.textContent : ''),
    /** After a successful application: the agency it went to is the one to offer next time. */
    keep: () => remember(select.value),
    sync,
  };
}
