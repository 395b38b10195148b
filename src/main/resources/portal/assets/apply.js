// 在线申请 (/public/apply): validates in the browser, sends the application as JSON with the ALTCHA payload,
// then uploads the identity proof with the query code and shows the submission number and query code once.
import {
  $, el, setText, formatDate, formatSize, api, errorText, showFieldError, clearFieldError,
  residentIdProblem, creditCodeProblem, normaliseCode, EMAIL_RE, PHONE_RE,
  altchaPayload, resetAltcha, filePicker, uploadFile, uploadErrorText, handOffToStatus, referralFor, dropReferral,
} from './portal-common.js';
import { agencyPicker } from './agency-picker.js';

const form = $('apply-form');
const submitButton = $('submit-button');
const statusLine = $('form-status');
const summary = $('error-summary');
const summaryList = $('error-summary-list');
const widget = $('apply-altcha');

const DESCRIPTION_MAX = 10000;
const NAME_MAX = 100;
const TEXT_MAX = 2000;

/* ---------- fields: API path → where its message goes ---------- */

function simpleField(inputId, errorId = `err-${inputId}`, blockId = `field-${inputId}`) {
  return { block: $(blockId), controls: [$(inputId)], error: $(errorId) };
}

const FIELDS = {
  'applicant.type': { block: $('applicant-type'), controls: [$('applicant-type')], error: $('err-applicant-type'), focus: () => form.querySelector('input[name="applicantType"]:checked') || form.querySelector('input[name="applicantType"]') },
  'applicant.name': simpleField('applicant-name'),
  'applicant.idType': simpleField('applicant-idType'),
  'applicant.idNumber': simpleField('applicant-idNumber'),
  'applicant.creditCode': simpleField('applicant-creditCode'),
  'applicant.phone': simpleField('applicant-phone'),
  'applicant.email': simpleField('applicant-email'),
  'applicant.address': simpleField('applicant-address'),
  'agent.name': simpleField('agent-name'),
  'agent.idType': simpleField('agent-idType'),
  'agent.idNumber': simpleField('agent-idNumber'),
  'agent.phone': simpleField('agent-phone'),
  description: simpleField('description'),
  requestedForms: { block: $('requested-forms'), controls: [...form.querySelectorAll('input[name="requestedForms"]')], error: $('err-requested-forms') },
  deliveryChannel: simpleField('deliveryChannel'),
  files: { block: $('field-files'), controls: [$('files')], error: $('err-files') },
  altcha: { block: $('field-altcha'), controls: [], error: $('err-altcha'), focus: () => widget.querySelector('input[type="checkbox"]') },
  consent: simpleField('consent'),
};
// 受理机关: only where several agencies take applications
if ($('agencyCode')) FIELDS.agencyCode = simpleField('agencyCode');
// server answers may name the whole object
FIELDS.applicant = FIELDS['applicant.name'];
FIELDS.agent = FIELDS['agent.name'];

// the labels used in the error summary
const FIELD_LABEL = {
  agencyCode: '受理机关',
  'applicant.type': '申请人类型',
  'applicant.name': () => (isPerson() ? '姓名' : '单位名称'),
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.creditCode': '统一社会信用代码',
  'applicant.phone': '联系电话',
  'applicant.email': '电子邮箱',
  'applicant.address': '通信地址',
  'agent.name': '代理人姓名',
  'agent.idType': '代理人证件类型',
  'agent.idNumber': '代理人证件号码',
  'agent.phone': '代理人联系电话',
  description: '所需政府信息的描述',
  requestedForms: '获取信息的形式',
  deliveryChannel: '获取方式',
  files: '身份证明材料',
  altcha: '人机验证',
  consent: '确认声明',
};

const picker = filePicker({ input: $('files'), list: $('file-list'), block: $('field-files'), error: $('err-files') });

/* ---------- dynamic parts of the form ---------- */

const PERSON = 'NATURAL_PERSON';
const applicantType = () => (form.querySelector('input[name="applicantType"]:checked') || {}).value || '';
const isPerson = () => applicantType() === PERSON;

function setGroup(container, on) {
  container.hidden = !on;
  for (const c of container.querySelectorAll('input, select, textarea')) c.disabled = !on;
}

function onTypeChange() {
  const person = isPerson();
  setGroup($('person-fields'), person);
  setGroup($('org-fields'), !person && applicantType() !== '');
  $('applicant-name-label').textContent = person ? '姓名' : '单位名称';
  $('hint-applicant-name').hidden = person;
  const name = $('applicant-name');
  name.setAttribute('autocomplete', person ? 'name' : 'organization');
  const ids = new Set((name.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean));
  if (person) ids.delete('hint-applicant-name'); else ids.add('hint-applicant-name');
  if (ids.size) name.setAttribute('aria-describedby', [...ids].join(' ')); else name.removeAttribute('aria-describedby');
  fieldFixed('applicant.type');
  // messages of fields that are no longer shown go too
  for (const key of person ? ['applicant.creditCode'] : ['applicant.idType', 'applicant.idNumber']) fieldFixed(key);
}

const ID_HINT = {
  RESIDENT_ID: '居民身份证号码为 18 位，最后一位可能是 X。',
  PASSPORT: '请按护照资料页填写。',
  HK_MACAO_PERMIT: '请按通行证上的证件号码填写。',
  TAIWAN_PERMIT: '请按通行证上的证件号码填写。',
  FOREIGN_PERMANENT_RESIDENT_ID: '请按永久居留身份证上的号码填写。',
  OTHER: '请填写证件名称和号码，例如“军官证 ××字第123456号”。',
};

function wireIdType(selectId, hintId) {
  const select = $(selectId);
  const hint = $(hintId);
  const update = () => { hint.textContent = ID_HINT[select.value] || ''; };
  select.addEventListener('change', update);
  update();
}

function onAgentToggle() {
  const on = $('agent-toggle').checked;
  setGroup($('agent-fields'), on);
  if (!on) for (const key of ['agent.name', 'agent.idType', 'agent.idNumber', 'agent.phone']) fieldFixed(key);
}

function updateCounter() {
  const n = $('description').value.length;
  const counter = $('description-counter');
  counter.textContent = `${n} / ${DESCRIPTION_MAX}`;
  counter.classList.toggle('over', n > DESCRIPTION_MAX);
}

function onDeliveryChange() {
  const channel = $('deliveryChannel').value;
  $('address-opt').textContent = channel === 'POST' ? '（选择邮寄时必填）' : '（可选；选择邮寄时必填）';
}

/* ---------- validation ---------- */

const value = (id) => ($(id).value || '').trim();

function validate() {
  const errors = []; // [key, message]
  const add = (key, message) => errors.push([key, message]);
  if (agency && !agency.value()) add('agencyCode', '请选择向哪个机关申请');
  const type = applicantType();
  if (!type) add('applicant.type', '请选择申请人类型');

  const name = value('applicant-name');
  if (!name) add('applicant.name', isPerson() ? '请填写姓名' : '请填写单位名称');
  else if (name.length > NAME_MAX) add('applicant.name', `不能超过 ${NAME_MAX} 个字`);

  if (type && isPerson()) {
    const idType = $('applicant-idType').value;
    const idNumber = normaliseCode($('applicant-idNumber').value);
    if (!idNumber) add('applicant.idNumber', '请填写证件号码');
    else if (idType === 'RESIDENT_ID') {
      const p = residentIdProblem(idNumber);
      if (p) add('applicant.idNumber', p);
    } else if (idNumber.length > 40) add('applicant.idNumber', '证件号码过长');
  } else if (type) {
    const code = normaliseCode($('applicant-creditCode').value);
    if (!code) add('applicant.creditCode', '请填写统一社会信用代码');
    else {
      const p = creditCodeProblem(code);
      if (p) add('applicant.creditCode', p);
    }
  }

  const phone = value('applicant-phone');
  if (!phone) add('applicant.phone', '请填写联系电话');
  else if (!PHONE_RE.test(phone)) add('applicant.phone', '请填写正确的电话号码，例如 13800001111 或 010-12345678');

  const email = value('applicant-email');
  const channel = $('deliveryChannel').value;
  if (email && (!EMAIL_RE.test(email) || email.length > 200)) add('applicant.email', '电子邮箱格式不正确，例如 name@example.com');
  else if (!email && channel === 'EMAIL') add('applicant.email', '选择以电子邮件获取时，请填写电子邮箱');

  const address = value('applicant-address');
  if (!address && channel === 'POST') add('applicant.address', '选择邮寄时，请填写通信地址');
  else if (address.length > TEXT_MAX) add('applicant.address', `不能超过 ${TEXT_MAX} 个字`);

  if ($('agent-toggle').checked) {
    const agentName = value('agent-name');
    if (!agentName) add('agent.name', '请填写代理人姓名，或取消勾选“由代理人代为申请”');
    else if (agentName.length > NAME_MAX) add('agent.name', `不能超过 ${NAME_MAX} 个字`);
    const agentId = normaliseCode($('agent-idNumber').value);
    if (agentId && $('agent-idType').value === 'RESIDENT_ID') {
      const p = residentIdProblem(agentId);
      if (p) add('agent.idNumber', p);
    }
    const agentPhone = value('agent-phone');
    if (agentPhone && !PHONE_RE.test(agentPhone)) add('agent.phone', '请填写正确的电话号码');
  }

  const description = $('description').value.trim();
  if (!description) add('description', '请描述您需要的政府信息');
  else if (description.length > DESCRIPTION_MAX) add('description', `描述不能超过 ${DESCRIPTION_MAX} 个字，目前 ${description.length} 个字`);

  if (!form.querySelector('input[name="requestedForms"]:checked')) add('requestedForms', '请至少选择一种获取信息的形式');
  if (!channel) add('deliveryChannel', '请选择获取方式');
  if (!$('consent').checked) add('consent', '请确认所填信息真实、准确');
  return errors;
}

/* ---------- showing errors ---------- */

function clearErrors() {
  for (const f of new Set(Object.values(FIELDS))) clearFieldError(f);
  summary.hidden = true;
  summaryList.replaceChildren();
}

function showErrors(errors, { focus = true } = {}) {
  summaryList.replaceChildren();
  const shown = new Set();
  let first = null;
  for (const [key, message] of errors) {
    const field = FIELDS[key];
    const labelOf = FIELD_LABEL[key];
    const label = typeof labelOf === 'function' ? labelOf() : labelOf;
    if (field && !shown.has(field)) {
      shown.add(field);
      showFieldError(field, message);
      const target = field.focus ? field.focus() : field.controls[0];
      if (!first) first = target;
      const link = el('a', { text: label ? `${label}：${message}` : message, attrs: { href: target && target.id ? `#${target.id}` : '#apply-form' } });
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); }
      });
      summaryList.append(el('li', { attrs: { 'data-key': key } }, link));
    } else if (!field) {
      summaryList.append(el('li', { text: label ? `${label}：${message}` : message }));
    }
  }
  summary.hidden = false;
  if (focus) {
    if (first) {
      first.focus();
      first.scrollIntoView({ block: 'center' });
    } else {
      summary.focus();
    }
  }
}

/** A corrected field loses its message, and its line in the summary. */
function fieldFixed(key) {
  const field = FIELDS[key];
  if (field) clearFieldError(field);
  for (const li of summaryList.querySelectorAll('li[data-key]')) {
    const k = li.getAttribute('data-key');
    if (k === key || FIELDS[k] === field) li.remove();
  }
  if (!summaryList.children.length) summary.hidden = true;
}

/** Clears a field's message as soon as it is corrected. */
function liveRevalidate() {
  // an old "please correct" line goes as soon as the applicant changes something
  const clearStale = () => { if (!busy && statusLine.classList.contains('error')) { statusLine.textContent = ''; statusLine.className = 'form-status'; } };
  form.addEventListener('input', clearStale);
  form.addEventListener('change', clearStale);
  form.addEventListener('input', (ev) => {
    const key = Object.keys(FIELDS).find((k) => FIELDS[k].controls.includes(ev.target));
    if (!key || ev.target.getAttribute('aria-invalid') !== 'true') return;
    const stillWrong = validate().some(([k]) => k === key);
    if (!stillWrong) fieldFixed(key);
  });
  form.addEventListener('change', (ev) => {
    if (ev.target.name === 'applicantType') return;
    const key = Object.keys(FIELDS).find((k) => FIELDS[k].controls.includes(ev.target) || (FIELDS[k].block && FIELDS[k].block.contains(ev.target)));
    if (!key || key === 'files') return;
    const field = FIELDS[key];
    if (!field.error.hidden && !validate().some(([k]) => k === key)) fieldFixed(key);
  });
  // a resident ID or credit code is checked when the applicant leaves the field
  for (const [id, key, check] of [
    ['applicant-idNumber', 'applicant.idNumber', () => ($('applicant-idType').value === 'RESIDENT_ID' ? residentIdProblem : null)],
    ['applicant-creditCode', 'applicant.creditCode', () => creditCodeProblem],
    ['agent-idNumber', 'agent.idNumber', () => ($('agent-idType').value === 'RESIDENT_ID' ? residentIdProblem : null)],
  ]) {
    $(id).addEventListener('blur', () => {
      const input = $(id);
      const v = normaliseCode(input.value);
      if (v !== input.value && v) input.value = v;
      const fn = check();
      const problem = v && fn ? fn(v) : null;
      if (problem) showFieldError(FIELDS[key], problem);
      else fieldFixed(key);
    });
  }
}

/* ---------- the request body (API.md: POST /public/api/applications) ---------- */

function buildBody(altcha) {
  const applicant = { type: applicantType(), name: value('applicant-name') };
  if (isPerson()) {
    applicant.idType = $('applicant-idType').value;
    applicant.idNumber = normaliseCode($('applicant-idNumber').value);
  } else {
    applicant.creditCode = normaliseCode($('applicant-creditCode').value);
  }
  const email = value('applicant-email');
  if (email) applicant.email = email;
  applicant.phone = value('applicant-phone');
  const address = value('applicant-address');
  if (address) applicant.address = address;

  const body = { applicant };
  if (agency) body.agencyCode = agency.value();
  if ($('agent-toggle').checked) {
    const agent = { name: value('agent-name') };
    const agentId = normaliseCode($('agent-idNumber').value);
    if (agentId) { agent.idType = $('agent-idType').value; agent.idNumber = agentId; }
    const agentPhone = value('agent-phone');
    if (agentPhone) agent.phone = agentPhone;
    body.agent = agent;
  }
  body.description = $('description').value.trim();
  body.requestedForms = [...form.querySelectorAll('input[name="requestedForms"]:checked')].map((c) => c.value);
  body.deliveryChannel = $('deliveryChannel').value;
  body.altcha = altcha;
  return body;
}

/* ---------- submit ---------- */

let busy = false;

function setBusy(on, text = '') {
  busy = on;
  submitButton.disabled = on;
  submitButton.textContent = on ? '正在提交…' : '提交申请';
  statusLine.className = 'form-status';
  statusLine.textContent = text;
}

function failStatus(text) {
  statusLine.className = 'form-status error';
  statusLine.textContent = text;
}

async function onSubmit(ev) {
  ev.preventDefault();
  if (busy) return;
  clearErrors();
  statusLine.textContent = '';
  const errors = validate();
  if (errors.length) {
    showErrors(errors);
    failStatus(`有 ${errors.length} 处需要修改，请查看页面上的红色提示。`);
    return;
  }
  setBusy(true, '正在进行人机验证…');
  let altcha;
  try {
    altcha = await altchaPayload(widget);
  } catch (e) {
    setBusy(false);
    showErrors([['altcha', '人机验证未完成，请勾选“我不是机器人”后再提交']]);
    failStatus('人机验证未完成。');
    return;
  }
  setBusy(true, '正在提交申请…');
  const email = value('applicant-email');
  const res = await api('POST', '/public/api/applications', { json: buildBody(altcha) });
  if (res.status === 201 && res.data && res.data.submissionNumber && res.data.queryCode) {
    await showConfirmation(res.data, email);
    return;
  }
  setBusy(false);
  resetAltcha(widget); // a refused call may have spent the solution
  if (res.status === 400 && res.data && res.data.fields && Object.keys(res.data.fields).length) {
    let list = Object.entries(res.data.fields).map(([k, m]) => [k, serverFieldMessage(k, m)]);
    if (agency && res.data.fields.agencyCode) {
      // most likely retired since the page was loaded: the list is brought up to date, in the applicant's words
      const sent = agency.value();
      const gone = await agency.sync();
      const message = !sent ? '请选择向哪个机关申请'
        : gone ? '您选择的机关已不再受理网上申请，已从列表中去掉，请重新选择'
          : '这个机关现在不受理网上申请，请选择其他机关，或者刷新页面后再试';
      list = list.map(([k, m]) => [k, k === 'agencyCode' ? message : m]);
    }
    showErrors(list);
    failStatus('申请未提交：有内容需要修改，请查看页面上的红色提示。');
    return;
  }
  failStatus(`申请未提交：${errorText(res, { notFound: '提交地址不存在，请刷新页面后重试。' })}`);
}

const CJK = /[\u3400-\u9FFF]/;

/** The server's per-field text, or a Chinese default when it is not Chinese. */
function serverFieldMessage(key, message) {
  if (typeof message === 'string' && CJK.test(message)) return message;
  switch (key) {
    case 'altcha': return '人机验证未通过或已过期，请重新勾选“我不是机器人”';
    case 'applicant.idNumber': case 'agent.idNumber': return '证件号码有误，请核对';
    case 'applicant.creditCode': return '统一社会信用代码有误，请核对';
    case 'applicant.email': return '电子邮箱格式不正确';
    case 'applicant.phone': case 'agent.phone': return '电话号码格式不正确';
    default: return '请检查这一项';
  }
}

/* ---------- confirmation ---------- */

async function showConfirmation(data, email) {
  const { submissionNumber, queryCode, submittedOn } = data;
  const files = picker.files();
  // the personal data leaves the page; only the confirmation stays
  form.remove();
  summary.remove();
  $('apply-intro').hidden = true;
  setText('conf-number', submissionNumber);
  setText('conf-code', queryCode);
  setText('conf-date', formatDate(submittedOn || ''));
  if (agency) {
    setText('conf-agency', agency.label());
    $('conf-agency-line').hidden = false;
    agency.keep();
  }
  dropReferral();
  if (email) {
    setText('conf-email', email);
    $('conf-email-note').hidden = false;
  }
  const section = $('confirmation');
  section.hidden = false;
  document.title = `申请已提交 - ${document.title.replace(/^在线申请 - /, '')}`;
  $('conf-title').focus();
  window.scrollTo(0, 0);

  $('copy-codes').addEventListener('click', async () => {
    const text = `申请编号：${submissionNumber}\n查询码：${queryCode}`;
    try {
      await navigator.clipboard.writeText(text);
      setText('copy-status', '已复制。请保存在安全的地方。');
    } catch (e) {
      setText('copy-status', '无法自动复制，请手动抄写申请编号和查询码。');
    }
  });
  $('print-page').addEventListener('click', () => window.print());
  $('go-status').addEventListener('click', () => handOffToStatus(submissionNumber, queryCode));

  await uploadAll(submissionNumber, queryCode, files);
}

async function uploadAll(number, code, files) {
  const summaryLine = $('conf-upload-summary');
  const list = $('conf-upload-list');
  if (!files.length) {
    summaryLine.textContent = '您没有上传身份证明材料。工作人员确认申请时如需核实身份，会与您联系；在确认之前，您也可以在“查询办理进度”页面补充上传。';
    return;
  }
  summaryLine.textContent = `正在上传 ${files.length} 个文件，请不要关闭页面…`;
  const rows = files.map((f) => {
    const state = el('span', { cls: 'file-state', text: '等待上传' });
    const li = el('li', {}, el('span', { cls: 'file-name', text: f.name }), el('span', { cls: 'file-size', text: formatSize(f.size) }), state);
    list.append(li);
    return state;
  });
  let ok = 0;
  for (let i = 0; i < files.length; i += 1) {
    rows[i].textContent = '正在上传…';
    const res = await uploadFile(number, code, files[i]);
    if (res.status === 201) {
      ok += 1;
      rows[i].textContent = '已上传';
      rows[i].className = 'file-state ok';
    } else {
      rows[i].textContent = `未上传：${uploadErrorText(res)}`;
      rows[i].className = 'file-state fail';
    }
  }
  summaryLine.textContent = ok === files.length
    ? (ok === 1 ? '文件已上传。' : `${ok} 个文件已全部上传。`)
    : `${ok} 个文件已上传，${files.length - ok} 个未上传。申请已经提交成功；未上传的材料可以在工作机构确认之前，到“查询办理进度”页面补充上传。`;
}

/* ---------- start ---------- */

const agency = agencyPicker({
  onChange: () => { if (FIELDS.agencyCode && !FIELDS.agencyCode.error.hidden && agency && agency.value()) fieldFixed('agencyCode'); },
});

/** Coming from the status page's offer (Art. 36(5)): the description of the earlier request, for the applicant to check and send. */
function prefillReferral() {
  const asked = (new URLSearchParams(location.search).get('agency') || '').trim().toUpperCase();
  const description = asked ? referralFor(asked) : null;
  if (!description || $('description').value.trim()) return;
  $('description').value = description.slice(0, DESCRIPTION_MAX);
  $('referral-note').hidden = false;
}

prefillReferral();
for (const r of form.querySelectorAll('input[name="applicantType"]')) r.addEventListener('change', onTypeChange);
$('agent-toggle').addEventListener('change', onAgentToggle);
$('description').addEventListener('input', updateCounter);
$('deliveryChannel').addEventListener('change', onDeliveryChange);
wireIdType('applicant-idType', 'hint-applicant-idNumber');
wireIdType('agent-idType', 'hint-agent-idNumber');
$('applicant-idType').addEventListener('change', () => clearFieldError(FIELDS['applicant.idNumber']));
widget.addEventListener('verified', () => fieldFixed('altcha'));
liveRevalidate();
onTypeChange();
onAgentToggle();
updateCounter();
onDeliveryChange();
form.addEventListener('submit', onSubmit);
submitButton.disabled = false;
