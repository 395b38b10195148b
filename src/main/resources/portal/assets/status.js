// 查询办理进度 (/public/status): looks a submission up with its number and query code (header X-Query-Code,
// never in a URL), shows status, dates, timeline and letters, and lets the applicant answer a supplement
// notice, upload identity proof before confirmation, and withdraw.
import {
  $, el, setText, formatDate, api, errorText, showFieldError, clearFieldError,
  STATUS, STATUS_EXPLAIN, STATUS_TONE, OUTCOME,
  altchaPayload, resetAltcha, filePicker, uploadFile, uploadErrorText, takeHandoff, handOffReferral,
} from './portal-common.js';

const TEXT_MAX = 2000;
const WITHDRAWABLE = new Set(['AWAITING_CONFIRMATION', 'SCREENING', 'AWAITING_SUPPLEMENT', 'HANDLING', 'SUSPENDED',
  'AWAITING_EXTENSION_APPROVAL', 'AWAITING_SIGN_OFF']);
const NOT_FOUND = '申请编号或查询码不正确，请核对后重试。';

// the number and code of the submission on screen; kept in memory only
let current = null;

const lookupForm = $('lookup-form');
const lookupButton = $('lookup-button');
const lookupStatus = $('lookup-status');
const numberField = { block: $('field-lookup-number'), controls: [$('lookup-number')], error: $('err-lookup-number') };
const codeField = { block: $('field-lookup-code'), controls: [$('lookup-code')], error: $('err-lookup-code') };

const path = (suffix = '') => `/public/api/applications/${encodeURIComponent(current.number)}${suffix}`;
const codeHeader = () => ({ 'X-Query-Code': current.code });

function say(node, text, kind = '') {
  node.className = `form-status${kind ? ` ${kind}` : ''}`;
  node.textContent = text;
}

/* ---------- look-up ---------- */

async function lookup(number, code, { announce = true } = {}) {
  lookupButton.disabled = true;
  say(lookupStatus, '正在查询…');
  const res = await api('GET', `/public/api/applications/${encodeURIComponent(number)}`, { headers: { 'X-Query-Code': code } });
  lookupButton.disabled = false;
  if (res.ok && res.data) {
    say(lookupStatus, '');
    current = { number, code };
    render(res.data);
    if (announce) $('result-title').focus();
    return true;
  }
  say(lookupStatus, errorText(res, { notFound: NOT_FOUND }), 'error');
  return false;
}

async function onLookup(ev) {
  ev.preventDefault();
  clearFieldError(numberField);
  clearFieldError(codeField);
  const number = $('lookup-number').value.trim();
  const code = $('lookup-code').value.trim();
  let first = null;
  if (!number) { showFieldError(numberField, '请填写申请编号'); first = first || $('lookup-number'); }
  if (!code) { showFieldError(codeField, '请填写查询码'); first = first || $('lookup-code'); }
  if (first) { first.focus(); return; }
  await lookup(number, code);
}

async function refresh(message) {
  if (!current) return;
  const res = await api('GET', path(), { headers: codeHeader() });
  if (res.ok && res.data) {
    render(res.data);
    if (message) say($('result-status'), message, 'ok');
  } else {
    say($('result-status'), errorText(res, { notFound: NOT_FOUND }), 'error');
  }
}

function leave() {
  current = null;
  $('result').hidden = true;
  $('lookup').hidden = false;
  $('lookup-code').value = '';
  say(lookupStatus, '已退出查询。');
  $('lookup-number').focus();
}

/* ---------- rendering ---------- */

function fact(label, value, note) {
  const dd = el('dd', { text: value });
  if (note) dd.append(' ', el('span', { cls: 'muted', text: note }));
  return el('div', {}, el('dt', { text: label }), dd);
}

function render(s) {
  $('lookup').hidden = true;
  $('result').hidden = false;
  setText('r-number', s.submissionNumber || current.number);

  const badge = $('r-status');
  badge.textContent = STATUS[s.status] || s.status || '';
  badge.className = `status-badge ${STATUS_TONE[s.status] || ''}`.trim();
  setText('r-status-explain', STATUS_EXPLAIN[s.status] || '');

  const facts = $('r-facts');
  facts.replaceChildren();
  // the agency it is with now (after a forwarding, the receiving one)
  if (s.agency && s.agency.name) {
    const agency = fact('受理机关', s.agency.name);
    if (s.agency.phone) agency.querySelector('dd').append(el('span', { cls: 'fact-sub', text: `电话：${s.agency.phone}` }));
    facts.append(agency);
  }
  facts.append(fact('提交日期', formatDate(s.submittedOn)));
  if (s.trackingNumber) facts.append(fact('受理编号', s.trackingNumber));
  if (s.receivedOn) facts.append(fact('收到申请日期', formatDate(s.receivedOn)));
  const open = !['CONCLUDED', 'WITHDRAWN', 'REJECTED'].includes(s.status);
  if (open && s.dueOn) facts.append(fact('法定答复期限', formatDate(s.dueOn)));
  else if (open && s.receivedOn && s.remainingWorkingDays != null) facts.append(fact('法定答复期限', '计时暂停', s.status === 'AWAITING_SUPPLEMENT' ? '（收到补正后重新计算）' : '（恢复计时后重新计算）'));
  if (open && typeof s.remainingWorkingDays === 'number') {
    // a supplement restarts the period (Art. 30); other stops only pause it
    const note = s.dueOn ? '' : (s.status === 'AWAITING_SUPPLEMENT' ? '（自收到补正之日起计算）' : '（暂停计时，恢复后继续计算）');
    facts.append(fact('剩余工作日', s.remainingWorkingDays < 0 ? `已超过期限 ${-s.remainingWorkingDays} 个工作日` : `${s.remainingWorkingDays} 个工作日`, note));
  }
  if (s.outcome) facts.append(fact('办理结果', OUTCOME[s.outcome] || s.outcome));
  if (s.concludedOn) facts.append(fact(s.status === 'WITHDRAWN' ? '撤回日期' : '办结日期', formatDate(s.concludedOn)));
  say($('result-status'), '');

  renderReferral(s);
  renderSupplement(s);
  renderUpload(s);
  renderLetters(s.letters || []);
  renderTimeline(s.timeline || []);
  renderWithdraw(s);
}

function renderTimeline(items) {
  const list = $('r-timeline');
  list.replaceChildren();
  const sorted = items.map((t, i) => ({ ...t, i })).sort((a, b) => (String(a.on) < String(b.on) ? -1 : String(a.on) > String(b.on) ? 1 : a.i - b.i));
  for (const t of sorted) {
    list.append(el('li', {}, el('time', { cls: 'timeline-date', text: formatDate(t.on), attrs: { datetime: t.on } }), el('span', { cls: 'timeline-text', text: t.text })));
  }
  if (!sorted.length) list.append(el('li', { text: '暂无记录。' }));
}

/* ---------- Art. 36(5): the agency that holds it is on this platform ---------- */

// what the offer hands to the form; the applicant sends the new application themselves
let referral = null;

function renderReferral(s) {
  const agency = s.referral && s.referral.agency;
  const panel = $('referral-panel');
  panel.hidden = !(agency && agency.code);
  referral = null;
  if (panel.hidden) return;
  const name = agency.name || agency.code;
  referral = { code: agency.code, description: s.referral.description || '' };
  setText('referral-agency', name);
  setText('referral-address', agency.address || '');
  $('referral-address').parentElement.hidden = !agency.address;
  const phone = $('referral-phone');
  phone.textContent = agency.phone || '';
  phone.setAttribute('href', `tel:${agency.phone || ''}`);
  phone.parentElement.hidden = !agency.phone;
  const link = $('referral-link');
  link.textContent = `向${name}提出新的申请`;
  link.setAttribute('href', `/public/apply?agency=${encodeURIComponent(agency.code)}`);
}

function offerReferral() {
  if (referral) handOffReferral(referral.code, referral.description);
}

/* ---------- letters: fetched with the header, saved as a file ---------- */

function renderLetters(letters) {
  const list = $('r-letters');
  list.replaceChildren();
  $('letters-empty').hidden = letters.length > 0;
  for (const letter of letters) {
    const button = el('button', { cls: 'button button-secondary button-small', text: '下载', attrs: { type: 'button', 'aria-label': `下载 ${letter.title || '文书'}` } });
    button.addEventListener('click', () => download(letter, button));
    const info = el('div', {}, el('span', { cls: 'letter-title', text: letter.title || '文书' }));
    if (letter.createdOn) info.append(el('br'), el('span', { cls: 'letter-date', text: formatDate(letter.createdOn) }));
    list.append(el('li', {}, info, button));
  }
}

function fileNameFrom(response, fallback) {
  const cd = response.headers.get('Content-Disposition') || '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(cd);
  if (star) {
    try { return decodeURIComponent(star[1].trim()); } catch (e) { /* fall through */ }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(cd);
  if (plain) return plain[1].trim();
  return fallback;
}

async function download(letter, button) {
  const status = $('letters-status');
  button.disabled = true;
  say(status, `正在下载“${letter.title || '文书'}”…`);
  let response;
  try {
    response = await fetch(path(`/letters/${encodeURIComponent(letter.id)}`), { headers: codeHeader(), cache: 'no-store', credentials: 'same-origin' });
  } catch (e) {
    button.disabled = false;
    say(status, errorText({ status: 0 }), 'error');
    return;
  }
  button.disabled = false;
  if (!response.ok) {
    let retryAfter = null;
    const h = response.headers.get('Retry-After');
    if (h && /^\d+$/.test(h)) retryAfter = Number(h);
    say(status, errorText({ status: response.status, data: null, retryAfter }, { notFound: '文书不存在，或者申请编号、查询码不正确。' }), 'error');
    return;
  }
  const blob = await response.blob();
  const safeTitle = (letter.title || '文书').replace(/[\\/:*?"<>|]+/g, '_');
  const name = fileNameFrom(response, `${safeTitle}.docx`);
  const url = URL.createObjectURL(blob);
  const a = el('a', { attrs: { href: url, download: name } });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
  say(status, `已下载“${name}”。`, 'ok');
}

/* ---------- supplement ---------- */

const suppWidget = $('supp-altcha');
const suppText = { block: $('field-supp-text'), controls: [$('supp-text')], error: $('err-supp-text') };
const suppAltcha = { block: $('field-supp-altcha'), controls: [], error: $('err-supp-altcha') };
const suppPicker = filePicker({ input: $('supp-files'), list: $('supp-file-list'), block: $('field-supp-files'), error: $('err-supp-files') });

function renderSupplement(s) {
  const panel = $('supplement-panel');
  const req = s.supplementRequest;
  const show = s.status === 'AWAITING_SUPPLEMENT' && req;
  panel.hidden = !show;
  if (!show) return;
  setText('supp-items', typeof req.items === 'string' ? req.items : Array.isArray(req.items) ? req.items.join('\n') : '');
  setText('supp-due', req.dueOn ? `请在 ${formatDate(req.dueOn)} 之前补正。` : '');
}

function updateSuppCounter() {
  const n = $('supp-text').value.length;
  const c = $('supp-counter');
  c.textContent = `${n} / ${TEXT_MAX}`;
  c.classList.toggle('over', n > TEXT_MAX);
}

let suppBusy = false;

async function onSupplement(ev) {
  ev.preventDefault();
  if (suppBusy || !current) return;
  const status = $('supp-status');
  clearFieldError(suppText);
  clearFieldError(suppAltcha);
  const text = $('supp-text').value.trim();
  if (!text) { showFieldError(suppText, '请填写补正说明'); $('supp-text').focus(); return; }
  if (text.length > TEXT_MAX) { showFieldError(suppText, `不能超过 ${TEXT_MAX} 个字`); $('supp-text').focus(); return; }

  suppBusy = true;
  $('supp-submit').disabled = true;
  try {
    say(status, '正在进行人机验证…');
    let altcha;
    try {
      altcha = await altchaPayload(suppWidget);
    } catch (e) {
      showFieldError(suppAltcha, '人机验证未完成，请勾选“我不是机器人”后再提交');
      say(status, '补正未提交。', 'error');
      return;
    }
    // files first: uploads are accepted only while the supplement is still requested
    const files = suppPicker.files();
    for (let i = 0; i < files.length; i += 1) {
      say(status, `正在上传补正材料（${i + 1}/${files.length}）…`);
      const res = await uploadFile(current.number, current.code, files[i]);
      if (res.status !== 201) {
        showFieldError(suppPicker.field, `“${files[i].name}”未上传：${uploadErrorText(res)}`);
        say(status, '补正未提交：有材料没有上传成功。您可以移除该文件后重新提交。', 'error');
        resetAltcha(suppWidget);
        $('supp-files').focus();
        return;
      }
    }
    say(status, '正在提交补正…');
    const res = await api('POST', path('/supplement'), { json: { text, altcha }, headers: codeHeader() });
    if (res.ok) {
      suppPicker.clear();
      $('supp-text').value = '';
      updateSuppCounter();
      resetAltcha(suppWidget);
      say(status, '');
      await refresh('补正已提交。答复期限自收到补正之日起重新计算。');
      $('result-title').focus();
      return;
    }
    resetAltcha(suppWidget);
    const fields = (res.data && res.data.fields) || {};
    if (res.status === 400 && fields.altcha) showFieldError(suppAltcha, '人机验证未通过或已过期，请重新勾选“我不是机器人”');
    if (res.status === 400 && fields.text) showFieldError(suppText, /[\u3400-\u9FFF]/.test(fields.text) ? fields.text : '请检查补正说明');
    say(status, `补正未提交：${errorText(res, { notFound: NOT_FOUND })}`, 'error');
  } finally {
    suppBusy = false;
    $('supp-submit').disabled = false;
  }
}

/* ---------- identity proof before confirmation ---------- */

const upPicker = filePicker({ input: $('up-files'), list: $('up-file-list'), block: $('field-up-files'), error: $('err-up-files') });

function renderUpload(s) {
  $('upload-panel').hidden = s.status !== 'AWAITING_CONFIRMATION';
}

async function onUpload(ev) {
  ev.preventDefault();
  if (!current) return;
  const status = $('up-status');
  const files = upPicker.files();
  if (!files.length) {
    showFieldError(upPicker.field, '请先选择要上传的文件');
    $('up-files').focus();
    return;
  }
  $('up-submit').disabled = true;
  const failed = [];
  let ok = 0;
  for (let i = 0; i < files.length; i += 1) {
    say(status, `正在上传（${i + 1}/${files.length}）…`);
    const res = await uploadFile(current.number, current.code, files[i]);
    if (res.status === 201) ok += 1;
    else failed.push(`“${files[i].name}”：${uploadErrorText(res)}`);
  }
  $('up-submit').disabled = false;
  upPicker.clear();
  if (failed.length) {
    showFieldError(upPicker.field, failed.join('；'));
    say(status, `${ok} 个文件已上传，${failed.length} 个未上传。`, 'error');
  } else {
    say(status, `${ok} 个文件已上传。`, 'ok');
  }
}

/* ---------- withdrawal ---------- */

const wdWidget = $('withdraw-altcha');
const wdAltcha = { block: $('field-withdraw-altcha'), controls: [], error: $('err-withdraw-altcha') };
const wdReason = { block: $('field-withdraw-reason'), controls: [$('withdraw-reason')], error: $('err-withdraw-reason') };

function renderWithdraw(s) {
  const panel = $('withdraw-panel');
  panel.hidden = !WITHDRAWABLE.has(s.status);
  closeWithdraw(false);
  setText('withdraw-effect', s.status === 'AWAITING_CONFIRMATION'
    ? '工作机构还没有确认这件申请。撤回后，申请不再登记办理。'
    : '撤回后，申请以今天为办结日期，本机关不再处理。撤回后如仍需要这些信息，需要重新申请。');
}

function openWithdraw() {
  $('withdraw-form').hidden = false;
  $('withdraw-start').hidden = true;
  $('withdraw-start').setAttribute('aria-expanded', 'true');
  $('withdraw-reason').focus();
}

function closeWithdraw(focusBack = true) {
  $('withdraw-form').hidden = true;
  $('withdraw-start').hidden = false;
  $('withdraw-start').setAttribute('aria-expanded', 'false');
  clearFieldError(wdAltcha);
  clearFieldError(wdReason);
  say($('withdraw-status'), '');
  if (focusBack) $('withdraw-start').focus();
}

let wdBusy = false;

async function onWithdraw(ev) {
  ev.preventDefault();
  if (wdBusy || !current) return;
  const status = $('withdraw-status');
  clearFieldError(wdAltcha);
  clearFieldError(wdReason);
  const reason = $('withdraw-reason').value.trim();
  if (reason.length > TEXT_MAX) { showFieldError(wdReason, `不能超过 ${TEXT_MAX} 个字`); $('withdraw-reason').focus(); return; }
  wdBusy = true;
  $('withdraw-confirm').disabled = true;
  try {
    say(status, '正在进行人机验证…');
    let altcha;
    try {
      altcha = await altchaPayload(wdWidget);
    } catch (e) {
      showFieldError(wdAltcha, '人机验证未完成，请勾选“我不是机器人”后再确认');
      say(status, '申请未撤回。', 'error');
      return;
    }
    say(status, '正在撤回…');
    const body = { altcha };
    if (reason) body.reason = reason;
    const res = await api('POST', path('/withdrawal'), { json: body, headers: codeHeader() });
    resetAltcha(wdWidget);
    if (res.ok) {
      $('withdraw-reason').value = '';
      await refresh('申请已撤回。');
      $('result-title').focus();
      return;
    }
    const fields = (res.data && res.data.fields) || {};
    if (res.status === 400 && fields.altcha) showFieldError(wdAltcha, '人机验证未通过或已过期，请重新勾选“我不是机器人”');
    say(status, `申请未撤回：${errorText(res, { notFound: NOT_FOUND })}`, 'error');
  } finally {
    wdBusy = false;
    $('withdraw-confirm').disabled = false;
  }
}

/* ---------- start ---------- */

lookupForm.addEventListener('submit', onLookup);
$('refresh').addEventListener('click', () => refresh('已刷新。'));
// before the browser follows the link (also into a new tab, which starts with a copy of this tab's session)
$('referral-link').addEventListener('click', offerReferral);
$('referral-link').addEventListener('auxclick', offerReferral);
$('leave').addEventListener('click', leave);
$('supplement-form').addEventListener('submit', onSupplement);
$('supp-text').addEventListener('input', updateSuppCounter);
$('upload-form').addEventListener('submit', onUpload);
$('withdraw-start').addEventListener('click', openWithdraw);
$('withdraw-cancel').addEventListener('click', () => closeWithdraw(true));
$('withdraw-form').addEventListener('submit', onWithdraw);
suppWidget.addEventListener('verified', () => clearFieldError(suppAltcha));
wdWidget.addEventListener('verified', () => clearFieldError(wdAltcha));
lookupButton.disabled = false;

const params = new URLSearchParams(location.search);
const prefill = (params.get('n') || '').trim();
if (prefill) {
  $('lookup-number').value = prefill;
  const code = takeHandoff(prefill);
  if (code) {
    // coming from the confirmation page: look up at once; the code is not left in the form
    lookup(prefill, code).then((ok) => { if (!ok) $('lookup-code').value = code; });
  } else {
    $('lookup-code').focus();
  }
} else {
  takeHandoff(''); // drop any stale hand-over
}
