// Disclosure Desk public portal: helpers shared by apply.js and status.js (ES module, no build step).
// Everything that comes from data is inserted with textContent, never as HTML.

/* ---------- labels (codes of API.md / DOMAIN.md) ---------- */

export const APPLICANT_TYPE = {
  NATURAL_PERSON: '自然人',
  COMMERCIAL_ENTERPRISE: '商业企业',
  RESEARCH_INSTITUTION: '科研机构',
  PUBLIC_INTEREST_ORGANIZATION: '社会公益组织',
  LEGAL_SERVICE_PROVIDER: '法律服务机构',
  OTHER_ORGANIZATION: '其他组织',
};

export const ID_TYPE = {
  RESIDENT_ID: '居民身份证',
  PASSPORT: '护照',
  HK_MACAO_PERMIT: '港澳居民来往内地通行证',
  TAIWAN_PERMIT: '台湾居民来往大陆通行证',
  FOREIGN_PERMANENT_RESIDENT_ID: '外国人永久居留身份证',
  OTHER: '其他证件',
};

export const STATUS = {
  AWAITING_CONFIRMATION: '待确认',
  REJECTED: '不予受理（非政府信息公开申请）',
  WITHDRAWN: '已撤回',
  SCREENING: '审核中',
  AWAITING_SUPPLEMENT: '待补正',
  HANDLING: '办理中',
  SUSPENDED: '暂停计时（征求意见或缴费）',
  AWAITING_EXTENSION_APPROVAL: '办理中',
  AWAITING_SIGN_OFF: '办理中',
  CONCLUDED: '已办结',
};

// One sentence per status, in the applicant's terms.
export const STATUS_EXPLAIN = {
  AWAITING_CONFIRMATION: '工作机构将在提交后的下一个工作日内确认您的申请。确认之日为收到申请之日，答复期限从这一天开始计算。',
  REJECTED: '这次提交不作为政府信息公开申请处理，原因见下方办理记录。',
  WITHDRAWN: '您已撤回这次提交，申请不再登记办理。',
  SCREENING: '工作机构已收到您的申请，正在审核申请内容。',
  AWAITING_SUPPLEMENT: '申请内容需要补正。请在补正期限内提交补正说明；答复期限自收到补正之日起重新计算。',
  HANDLING: '申请正在办理中。',
  SUSPENDED: '正在征求第三方或其他机关意见，或者等待缴纳信息处理费，这段时间不计入答复期限。',
  AWAITING_EXTENSION_APPROVAL: '申请正在办理中。',
  AWAITING_SIGN_OFF: '申请正在办理中，答复即将发出。',
  CONCLUDED: '申请已办结。答复书可以在下方下载。',
};

export const STATUS_TONE = {
  AWAITING_SUPPLEMENT: 'tone-warn',
  SUSPENDED: 'tone-warn',
  CONCLUDED: 'tone-ok',
  REJECTED: 'tone-end',
  WITHDRAWN: 'tone-end',
};

// DOMAIN.md §5, worded for the applicant.
export const OUTCOME = {
  DISCLOSED: '予以公开',
  PARTIALLY_DISCLOSED: '部分公开',
  WITHHELD_STATE_SECRET: '不予公开（属于国家秘密）',
  WITHHELD_PROHIBITED_BY_LAW: '不予公开（法律、行政法规禁止公开）',
  WITHHELD_SECURITY_STABILITY: '不予公开（公开后可能危及国家安全、公共安全、经济安全、社会稳定）',
  WITHHELD_THIRD_PARTY_RIGHTS: '不予公开（保护第三方合法权益）',
  WITHHELD_INTERNAL_AFFAIRS: '不予公开（属于内部事务信息）',
  WITHHELD_PROCESS_INFORMATION: '不予公开（属于过程性信息）',
  WITHHELD_ENFORCEMENT_CASE_FILE: '不予公开（属于行政执法案卷）',
  WITHHELD_ADMINISTRATIVE_QUERY: '不予公开（属于行政查询事项）',
  UNAVAILABLE_NOT_HELD: '无法提供（本机关不掌握相关政府信息）',
  UNAVAILABLE_NEEDS_CREATION: '无法提供（没有现成信息，需要另行制作）',
  UNAVAILABLE_STILL_UNCLEAR: '无法提供（补正后申请内容仍不明确）',
  NOT_PROCESSED_PETITION: '不予处理（信访、举报、投诉类申请）',
  NOT_PROCESSED_DUPLICATE: '不予处理（重复申请）',
  NOT_PROCESSED_PUBLICATION: '不予处理（要求提供公开出版物）',
  NOT_PROCESSED_EXCESSIVE: '不予处理（无正当理由大量、反复申请）',
  NOT_PROCESSED_CONFIRMATION: '不予处理（要求确认或重新出具已获取的信息）',
  OTHER_NO_SUPPLEMENT: '不再处理（逾期未补正）',
  OTHER_FEE_UNPAID: '不再处理（逾期未缴纳信息处理费）',
  OTHER: '其他处理（如申请人撤回申请）',
};

/* ---------- small DOM helpers ---------- */

export const $ = (id) => document.getElementById(id);

/** Creates an element; `text` is set with textContent. */
export function el(tag, { cls, text, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  for (const c of children) if (c) node.append(c);
  return node;
}

export function setText(id, text) {
  const node = $(id);
  if (node) node.textContent = text == null ? '' : String(text);
  return node;
}

/** "2025-01-04" (or an ISO date-time) → "2025年1月4日"; anything else is shown as given. */
export function formatDate(value) {
  if (typeof value !== 'string') return value == null ? '' : String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const day = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  return m[4] ? `${day} ${m[4]}:${m[5]}` : day;
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/* ---------- identity numbers ---------- */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 resident ID: null when valid, else a Chinese message. Expects trimmed, upper-cased input. */
export function residentIdProblem(value) {
  if (!/^\d{17}[\dX]$/.test(value)) return '居民身份证号码应为 18 位：前 17 位是数字，最后一位是数字或字母 X';
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(value[i]) * ID_WEIGHTS[i];
  if ('10X98765432'[sum % 11] !== value[17]) return '居民身份证号码有误（校验位不符），请逐位核对';
  return null;
}

const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 统一社会信用代码: null when valid, else a Chinese message. Expects trimmed, upper-cased input. */
export function creditCodeProblem(value) {
  if (value.length !== 18) return '统一社会信用代码应为 18 位';
  for (const ch of value) {
    if (!CC_ALPHABET.includes(ch)) return '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V）';
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CC_ALPHABET.indexOf(value[i]) * CC_WEIGHTS[i];
  let check = 31 - (sum % 31);
  if (check === 31) check = 0;
  if (CC_ALPHABET[check] !== value[17]) return '统一社会信用代码有误（校验位不符），请逐位核对';
  return null;
}

/** Normalises what people type into an identity number: full-width → half-width, no spaces, upper case. */
export function normaliseCode(value) {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_RE = /^\+?[\d\s()-]{7,20}$/;

/* ---------- HTTP ---------- */

/**
 * Calls the public API. Resolves to {ok, status, data, retryAfter, response}; never rejects
 * (a network failure gives status 0).
 */
export async function api(method, url, { json, form, headers } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...(headers || {}) }, credentials: 'same-origin', cache: 'no-store' };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form) {
    init.body = form;
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    return { ok: false, status: 0, data: null, retryAfter: null, response: null };
  }
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { data = await response.json(); } catch (e) { data = null; }
  }
  return { ok: response.ok, status: response.status, data, retryAfter: retryAfterSeconds(response), response };
}

function retryAfterSeconds(response) {
  const h = response.headers.get('Retry-After');
  if (!h) return null;
  if (/^\d+$/.test(h.trim())) return Number(h.trim());
  const when = Date.parse(h);
  return Number.isNaN(when) ? null : Math.max(1, Math.ceil((when - Date.now()) / 1000));
}

const HAS_CJK = /[\u3400-\u9FFF]/;

/** A Chinese sentence for a failed call. `notFound` is the text for 404. */
export function errorText(res, { notFound = '申请编号或查询码不正确' } = {}) {
  const serverSays = res.data && typeof res.data.message === 'string' && HAS_CJK.test(res.data.message) ? res.data.message : null;
  switch (res.status) {
    case 0: return '网络连接失败，请检查网络后重试。';
    case 404: return notFound;
    case 429: return res.retryAfter ? `操作过于频繁，请 ${res.retryAfter} 秒后再试。` : '操作过于频繁，请稍后再试。';
    case 413: return '文件过大：每个文件不能超过 5 MB。';
    case 415: return '文件格式不支持，请上传 PDF、JPG 或 PNG 文件。';
    case 409: return serverSays || '当前办理阶段不能进行这项操作，请刷新后查看最新状态。';
    case 400: return serverSays || '提交的内容有误，请检查后重试。';
    default:
      if (res.status >= 500) return '系统暂时无法处理，请稍后再试。如多次失败，请致电工作机构。';
      return serverSays || `操作未成功（错误 ${res.status}），请稍后再试。`;
  }
}

/* ---------- field errors ---------- */

/**
 * Shows a message under a field: sets aria-invalid on the control(s), links the message with
 * aria-describedby and marks the field block. `controls` are the focusable elements of the field.
 */
export function showFieldError({ block, controls, error }, message) {
  error.textContent = message;
  error.hidden = false;
  if (block) block.classList.add('has-error');
  for (const c of controls) {
    c.setAttribute('aria-invalid', 'true');
    const ids = new Set((c.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean));
    ids.add(error.id);
    c.setAttribute('aria-describedby', [...ids].join(' '));
  }
}

export function clearFieldError({ block, controls, error }) {
  error.textContent = '';
  error.hidden = true;
  if (block) block.classList.remove('has-error');
  for (const c of controls) {
    c.removeAttribute('aria-invalid');
    const ids = (c.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== error.id);
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
    else c.removeAttribute('aria-describedby');
  }
}

/* ---------- ALTCHA ---------- */

/**
 * Returns the widget's payload (the value of the hidden input named "altcha" it adds to the form),
 * starting the proof-of-work first when the applicant has not ticked the box yet.
 */
export function altchaPayload(widget, { timeoutMs = 120000 } = {}) {
  const current = hiddenValue(widget);
  if (current) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn, arg) => {
      if (done) return;
      done = true;
      widget.removeEventListener('verified', onVerified);
      widget.removeEventListener('statechange', onState);
      clearTimeout(timer);
      fn(arg);
    };
    const onVerified = (ev) => {
      // the hidden input is rendered right after the event; the event carries the same payload
      finish(resolve, (ev.detail && ev.detail.payload) || hiddenValue(widget));
    };
    const onState = (ev) => {
      const state = ev.detail && ev.detail.state;
      if (state === 'error' || state === 'expired') finish(reject, new Error(state));
    };
    const timer = setTimeout(() => finish(reject, new Error('timeout')), timeoutMs);
    widget.addEventListener('verified', onVerified);
    widget.addEventListener('statechange', onState);
    const state = typeof widget.getState === 'function' ? widget.getState() : null;
    if (state !== 'verifying') {
      if (typeof widget.verify === 'function') widget.verify();
      else finish(reject, new Error('widget not loaded'));
    }
  });
}

function hiddenValue(widget) {
  const input = widget.querySelector('input[type="hidden"]');
  return input && input.value ? input.value : '';
}

/** After any refused call the solution may be spent: start again from an unticked box. */
export function resetAltcha(widget) {
  if (widget && typeof widget.reset === 'function') widget.reset();
}

/* ---------- files ---------- */

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 5;
const FILE_TYPES = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** null when the file may be sent, else a Chinese message. The server judges the content again. */
export function fileProblem(file) {
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  const okType = FILE_TYPES[ext] || Object.values(FILE_TYPES).includes(file.type);
  if (!okType) return `“${file.name}”不是 PDF、JPG 或 PNG 文件`;
  if (file.size > MAX_FILE_BYTES) return `“${file.name}”超过 5 MB（${formatSize(file.size)}），请压缩后再上传`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  return null;
}

/**
 * A file picker that collects files over several selections, lists them with a remove button,
 * and refuses what the server would refuse. Returns {files(), clear(), validate()}.
 */
export function filePicker({ input, list, block, error, max = MAX_FILES }) {
  let files = [];
  const field = { block, controls: [input], error };
  const none = document.getElementById(`none-${input.id}`);
  const chooser = document.getElementById(`choose-${input.id}`);
  function render() {
    list.replaceChildren();
    if (none) none.textContent = files.length ? `已选择 ${files.length} 个文件（最多 ${max} 个）` : '未选择文件';
    if (chooser) chooser.textContent = files.length ? '继续添加' : '选择文件';
    files.forEach((f, i) => {
      const remove = el('button', { cls: 'link-button', text: '移除', attrs: { type: 'button', 'aria-label': `移除 ${f.name}` } });
      remove.addEventListener('click', () => {
        files.splice(i, 1);
        render();
        input.focus();
      });
      list.append(el('li', {}, el('span', { cls: 'file-name', text: f.name }), el('span', { cls: 'file-size', text: formatSize(f.size) }), remove));
    });
  }
  input.addEventListener('change', () => {
    const problems = [];
    for (const f of input.files) {
      const p = fileProblem(f);
      if (p) problems.push(p);
      else if (files.length >= max) problems.push(`最多选择 ${max} 个文件，“${f.name}”未加入`);
      else if (!files.some((g) => g.name === f.name && g.size === f.size)) files.push(f);
    }
    input.value = '';
    render();
    if (problems.length) showFieldError(field, problems.join('；'));
    else clearFieldError(field);
  });
  return {
    files: () => files.slice(),
    clear() { files = []; render(); clearFieldError(field); },
    field,
  };
}

/** Uploads one file for a submission. */
export function uploadFile(number, code, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api('POST', `/public/api/applications/${encodeURIComponent(number)}/attachments`, { form, headers: { 'X-Query-Code': code } });
}

export function uploadErrorText(res) {
  if (res.status === 400 && res.data && res.data.fields && typeof res.data.fields.file === 'string' && HAS_CJK.test(res.data.fields.file)) {
    return res.data.fields.file;
  }
  if (res.status === 400) return '文件未被接受：请上传 PDF、JPG 或 PNG 文件，且每件申请最多 5 个文件';
  if (res.status === 409) return '当前办理阶段不能上传文件';
  return errorText(res).replace(/。$/, '');
}

/* ---------- hand-over of the query code to the status page (never in a URL) ---------- */

const HANDOFF_KEY = 'disclosure-desk.status-handoff';

export function handOffToStatus(number, code) {
  try {
    sessionStorage.setItem(HANDOFF_KEY, JSON.stringify({ n: number, c: code, t: Date.now() }));
  } catch (e) { /* private mode: the applicant types the code */ }
  location.assign(`/public/status?n=${encodeURIComponent(number)}`);
}

/** Reads and removes the hand-over; only a fresh one (10 minutes) for the same number counts. */
export function takeHandoff(number) {
  let raw = null;
  try {
    raw = sessionStorage.getItem(HANDOFF_KEY);
    sessionStorage.removeItem(HANDOFF_KEY);
  } catch (e) { return null; }
  if (!raw) return null;
  try {
    const h = JSON.parse(raw);
    if (h && h.n === number && typeof h.c === 'string' && Date.now() - h.t < 10 * 60 * 1000) return h.c;
  } catch (e) { /* ignore */ }
  return null;
}

/* ---------- a new application to the agency a reply named (Art. 36(5)) ---------- */

// The description goes along in sessionStorage, not in the URL: it may be long and may name people.
const REFERRAL_KEY = 'disclosure-desk.referral';

export function handOffReferral(agencyCode, description) {
  try {
    sessionStorage.setItem(REFERRAL_KEY, JSON.stringify({ a: agencyCode, d: description, t: Date.now() }));
  } catch (e) { /* private mode: the applicant types the description */ }
}

/** The description handed over for this agency within the last 30 minutes, else null. Kept until sent. */
export function referralFor(agencyCode) {
  let raw = null;
  try { raw = sessionStorage.getItem(REFERRAL_KEY); } catch (e) { return null; }
  if (!raw) return null;
  try {
    const r = JSON.parse(raw);
    if (r && r.a === agencyCode && typeof r.d === 'string' && Date.now() - r.t < 30 * 60 * 1000) return r.d;
  } catch (e) { /* ignore */ }
  return null;
}

export function dropReferral() {
  try { sessionStorage.removeItem(REFERRAL_KEY); } catch (e) { /* nothing kept */ }
}

/* ---------- page chrome ---------- */

function markCurrentNav() {
  const path = location.pathname.replace(/\/+$/, '/') || '/';
  for (const a of document.querySelectorAll('.site-nav a[data-nav]')) {
    const target = a.getAttribute('data-nav');
    const here = target === '/public/' ? (path === '/public/' || path === '/public') : path.startsWith(target);
    if (here) a.setAttribute('aria-current', 'page');
  }
}

markCurrentNav();
