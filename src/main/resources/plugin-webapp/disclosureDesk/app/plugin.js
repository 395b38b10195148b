/*
 * Disclosure Desk in Camunda Tasklist (a Tasklist plugin: org.disclosuredesk.webapps.DisclosureDeskTasklistPlugin).
 *
 * - tasklist.card: each task in the list shows its tracking number, applicant and statutory due date
 *   ("法定期限 2026-12-30，剩 7 个工作日"), marked 已逾期 / 即将到期;
 * - tasklist.task.action: the same line at the top of the open task;
 * - tasklist.list: search by tracking number, case number or applicant; the list sorted by due date;
 * - Camunda Forms (form-js) in Chinese: its date picker through flatpickr's own localisation API, and the few
 *   fixed English texts form-js has no translation hook for (placeholders, validation messages) replaced where
 *   form-js renders them.
 * Data comes from our REST resource (TasklistPluginResource), which sees only the tasks the user may see. Every
 * value is written as text (textContent), never as HTML.
 */

const PLUGIN = 'disclosureDesk';

function base(api) {
  return `${api.tasklistApi}/plugin/${PLUGIN}/${api.engine || 'default'}`;
}

async function getJson(api, path) {
  const response = await fetch(base(api) + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken || '' }
  });
  if (!response.ok) {
    throw new Error(`${response.status}`);
  }
  return response.json();
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  return e;
}

const MARKS = {
  OVERDUE: '已逾期',
  DUE_SOON: '即将到期',
  PAUSED: '计时暂停',
  NOT_STARTED: '等待补正'
};

/** One task's brief: number and applicant, then the due date line with its mark. */
function renderBrief(node, brief, withTaskName) {
  node.textContent = '';
  if (!brief) {
    return;
  }
  const box = el('div', `dd-brief dd-${(brief.urgency || 'NONE').toLowerCase().replace('_', '-')}`);
  box.setAttribute('data-task-id', brief.taskId);
  const who = el('div', 'dd-who');
  if (withTaskName && brief.taskName) {
    who.appendChild(el('span', 'dd-task-name', brief.taskName));
  }
  if (brief.trackingNumber) {
    who.appendChild(el('span', 'dd-number', brief.trackingNumber));
  }
  if (brief.caseNumber) {
    who.appendChild(el('span', 'dd-case', brief.caseNumber));
  }
  if (brief.submission) {
    who.appendChild(el('span', 'dd-number', `网上申请 ${brief.submission.number}`));
  }
  if (brief.applicant) {
    who.appendChild(el('span', 'dd-applicant', brief.applicant));
  }
  box.appendChild(who);
  const due = el('div', 'dd-due');
  if (MARKS[brief.urgency]) {
    due.appendChild(el('span', 'dd-mark', MARKS[brief.urgency]));
  }
  due.appendChild(el('span', 'dd-due-text', brief.dueText));
  box.appendChild(due);
  node.appendChild(box);
}

/** 字节 / KB / MB as a clerk reads a file size. */
function fileSize(bytes) {
  if (bytes < 1024) {
    return `${bytes} 字节`;
  }
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * An online application waiting for confirmation, at the top of its task: what was asked and the uploaded identity
 * proof (downloads through our plugin resource, behind the webapp login).
 */
function renderSubmission(node, brief, api) {
  const s = brief.submission;
  const box = el('div', 'dd-submission');
  box.appendChild(el('div', 'dd-submission-label', '申请内容'));
  box.appendChild(el('p', 'dd-submission-text', s.description));
  box.appendChild(el('div', 'dd-submission-label',
    s.attachments.length ? `上传的材料（${s.attachments.length} 个）` : '上传的材料：无'));
  if (s.attachments.length) {
    const list = el('ul', 'dd-submission-files');
    s.attachments.forEach((a) => {
      const item = el('li');
      const link = el('a', 'dd-submission-file', a.name);
      link.href = `${base(api)}/submissions/${encodeURIComponent(s.number)}/attachments/${encodeURIComponent(a.id)}`;
      link.setAttribute('download', a.name);
      item.append(link, el('span', 'dd-submission-size',
        ` ${fileSize(a.size)}${a.purpose === 'SUPPLEMENT' ? '（补正材料）' : '（身份证明）'}`));
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  node.appendChild(box);
}

/* The cards of one list page are asked for in one request. */
const pending = new Map();
let flushTimer = null;

function briefOf(api, taskId) {
  return new Promise((resolve) => {
    if (!pending.has(taskId)) {
      pending.set(taskId, []);
    }
    pending.get(taskId).push(resolve);
    if (!flushTimer) {
      flushTimer = setTimeout(() => flush(api), 0);
    }
  });
}

async function flush(api) {
  const batch = new Map(pending);
  pending.clear();
  flushTimer = null;
  let briefs = [];
  try {
    const query = [...batch.keys()].map((id) => `taskId=${encodeURIComponent(id)}`).join('&');
    briefs = await getJson(api, `/task-briefs?${query}`);
  } catch (e) {
    briefs = [];
  }
  const byId = new Map(briefs.map((b) => [b.taskId, b]));
  batch.forEach((resolvers, id) => resolvers.forEach((r) => r(byId.get(id))));
}

function currentTaskId(scope) {
  if (scope && scope.task && scope.task.id) {
    return scope.task.id;
  }
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/* ---- search by tracking number or applicant ------------------------------------------------------------------ */

function renderSearch(node, api) {
  const form = el('form', 'dd-search');
  form.setAttribute('role', 'search');
  const label = el('label', 'sr-only', '按受理编号、案号或申请人查找');
  label.setAttribute('for', 'dd-search-input');
  const input = el('input', 'form-control dd-search-input');
  input.id = 'dd-search-input';
  input.type = 'search';
  input.maxLength = 100;
  input.placeholder = '查找：受理编号、案号或申请人';
  const button = el('button', 'btn btn-default dd-search-button', '查找');
  button.type = 'submit';
  const results = el('div', 'dd-search-results');
  results.setAttribute('aria-live', 'polite');
  form.append(label, input, button);
  node.append(form, results);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    results.textContent = '';
    if (!q) {
      return;
    }
    let found;
    try {
      found = await getJson(api, `/search?q=${encodeURIComponent(q)}`);
    } catch (e) {
      results.appendChild(el('p', 'dd-search-none', '查找失败，请稍后再试。'));
      return;
    }
    const head = el('div', 'dd-search-head',
      found.length ? `找到 ${found.length} 项待办任务` : `没有与“${q}”相符的待办任务`);
    const clear = el('button', 'btn btn-link btn-xs dd-search-clear', '清除');
    clear.type = 'button';
    clear.addEventListener('click', () => {
      input.value = '';
      results.textContent = '';
      input.focus();
    });
    head.appendChild(clear);
    results.appendChild(head);
    const list = el('ul', 'dd-search-list');
    found.forEach((brief) => {
      const item = el('li');
      const link = el('a', 'dd-search-hit');
      link.href = taskHref(brief.taskId);
      renderBrief(link, brief, true);
      item.appendChild(link);
      list.appendChild(item);
    });
    results.appendChild(list);
  });
}

/* ---- a clerk's latest registrations: the start form closes without showing the number it gave ---------------- */

function renderRecent(node, api) {
  const box = el('section', 'dd-recent');
  box.hidden = true;
  box.setAttribute('aria-label', '我最近登记的申请');
  node.appendChild(box);
  const refresh = async () => {
    let recent = [];
    try {
      recent = await getJson(api, '/recent-registrations');
    } catch (e) {
      recent = [];
    }
    box.textContent = '';
    box.hidden = recent.length === 0;
    if (!recent.length) {
      return;
    }
    box.appendChild(el('div', 'dd-recent-head', '我最近登记的申请'));
    const list = el('ul', 'dd-recent-list');
    recent.forEach((r) => {
      const item = el('li', 'dd-brief');
      const who = el('div', 'dd-who');
      who.append(el('span', 'dd-number', r.trackingNumber), el('span', 'dd-applicant', r.applicant),
        el('span', 'dd-received', `收到 ${r.receivedOn}`));
      item.append(who, el('div', 'dd-due', r.dueText));
      list.appendChild(item);
    });
    box.appendChild(list);
  };
  refresh();
  // the "启动流程" dialog closing is when a registration may have happened
  let modalOpen = document.body.classList.contains('modal-open');
  new MutationObserver(() => {
    const open = document.body.classList.contains('modal-open');
    if (modalOpen && !open) {
      setTimeout(refresh, 300);
    }
    modalOpen = open;
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

function taskHref(taskId) {
  const params = new URLSearchParams(window.location.hash.replace(/^#\/?\??/, ''));
  params.set('task', taskId);
  return `#/?${params.toString()}`;
}

/**
 * The list is worked in order of the statutory due date: the filters sort by it first, and the list's sort
 * control says so. Set through Angular's $location once the translations are loaded (changing the route earlier
 * makes Tasklist render some labels before their Chinese text has arrived).
 */
function sortByDueDate() {
  const injector = window.angular && window.angular.element(document.body).injector();
  if (!injector) {
    return;
  }
  const $location = injector.get('$location');
  const $translate = injector.get('$translate');
  const $rootScope = injector.get('$rootScope');
  const apply = () => $rootScope.$evalAsync(() => {
    if (!$location.search().sorting) {
      $location.search('sorting', JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }])).replace();
    }
  });
  if (typeof $translate.onReady === 'function') {
    $translate.onReady(apply);
  } else {
    apply();
  }
}

/** The brief of the open task, under its name at the top of the task (Tasklist re-creates that part per task). */
function placeTaskBrief(taskId, brief, api, attempt = 0) {
  const names = document.querySelector('[cam-tasklist-task] section.task-card header .names');
  if (!names) {
    if (attempt < 50) {
      setTimeout(() => placeTaskBrief(taskId, brief, api, attempt + 1), 100);
    }
    return;
  }
  names.querySelectorAll('.dd-task-brief').forEach((e) => e.remove());
  if (!brief) {
    return;
  }
  const holder = el('div', 'dd-task-brief');
  renderBrief(holder, brief, false);
  if (brief.submission) {
    renderSubmission(holder, brief, api);
  }
  const title = names.querySelector('h2.task');
  names.insertBefore(holder, title ? title.nextSibling : names.firstChild);
}

/* ---- Camunda Forms (form-js) in Chinese ---------------------------------------------------------------------- */

const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};

/** form-js derives the date format from the browser; our staff write 年-月-日. */
const DATE_FORMAT = 'Y-m-d';
const DATE_PLACEHOLDER = '年-月-日';

function yearMonthDay() {
  return {
    onReady: [function () {
      if (this.config.noCalendar || this.config.enableTime) {
        return;
      }
      this.set('dateFormat', DATE_FORMAT);
      this.set('ariaDateFormat', 'Y年n月j日');
      if (this.selectedDates.length) {
        this.setDate(this.selectedDates, false);
      }
      if (this.input) {
        this.input.placeholder = DATE_PLACEHOLDER;
      }
    }]
  };
}

let flatpickrReady = false;

function localiseFlatpickr() {
  const fp = window.flatpickr;
  if (flatpickrReady || !fp || typeof fp.localize !== 'function') {
    return;
  }
  fp.localize(FLATPICKR_ZH);
  const plugins = (fp.defaultConfig && fp.defaultConfig.plugins) || [];
  fp.setDefaults({ plugins: plugins.concat([yearMonthDay]) });
  flatpickrReady = true;
}

/** The fixed English texts of the form-js 1.x viewer that Tasklist shows (form-js has no translation API). */
const TEXTS = {
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请填写有效的电子邮件地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)': '请填写有效的电话号码（国际格式，例如 +8610xxxxxxxx）。',
  'Date and time must both be entered.': '日期和时间都须填写。',
  'Value is not a number.': '请填写数字。',
  'Invalid date': '日期无效',
  'Submit': '提交',
  'Reset': '重置',
  'Previous page': '上一页',
  'Next page': '下一页',
  'Nothing to show.': '没有可显示的内容。',
  'No content to show.': '没有可显示的内容。',
  'Checked': '已勾选',
  'Not checked': '未勾选',
  'Remove tag': '移除',
  'Increment': '增加',
  'Decrement': '减少',
  'Clear content': '清除',
  'Delete item': '删除此项',
  'Create new list item': '新增一项',
  'Toggle list item': '展开或收起',
  'Toggle section': '展开或收起',
  'Section contains an error': '此部分有错误',
  'Section contains data': '此部分已填写',
  'Date': '日期',
  'Time': '时间',
  'Failed to render form': '表单无法显示'
};

const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少填写 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多填写 ${m[1]} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不得小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不得大于 ${m[1]}。`],
  [/^Field must match pattern (.+)\.$/, () => '格式不正确。'],
  [/^Value is expected to be a multiple of (.+)\.(.*)$/, (m) => `须为 ${m[1]} 的整数倍。`],
  [/^The nearest valid values are (.+) and (.+)\.$/, (m) => `最接近的有效值为 ${m[1]} 和 ${m[2]}。`]
];

export function translateFormText(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(TEXTS, trimmed)) {
    return text.replace(trimmed, TEXTS[trimmed]);
  }
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(trimmed);
    if (m) {
      return text.replace(trimmed, make(m));
    }
  }
  return null;
}

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

function inForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element && element.closest && element.closest('.fjs-container');
}

function localiseNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const t = translateFormText(node.data);
    if (t !== null && t !== node.data) {
      node.data = t;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const elements = [node, ...node.querySelectorAll('*')];
  elements.forEach((e) => {
    ATTRIBUTES.forEach((a) => {
      if (e.hasAttribute(a)) {
        const t = translateFormText(e.getAttribute(a));
        if (t !== null && t !== e.getAttribute(a)) {
          e.setAttribute(a, t);
        }
      }
    });
    e.childNodes.forEach((c) => c.nodeType === Node.TEXT_NODE && localiseNode(c));
  });
}

function watchForms() {
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'childList') {
        m.addedNodes.forEach((n) => {
          if (n.nodeType === Node.ELEMENT_NODE && (n.matches('.fjs-container') || n.querySelector('.fjs-container'))) {
            localiseFlatpickr();
          }
          if (inForm(n)) {
            localiseNode(n);
          }
        });
      } else if (inForm(m.target)) {
        localiseNode(m.target);
      }
    }
  });
  observer.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}

if (typeof document !== 'undefined' && document.body) {
  localiseFlatpickr();
  watchForms();
}

/* ---- plugin points ------------------------------------------------------------------------------------------- */

export default [
  {
    id: 'disclosure-desk-task-card',
    pluginPoint: 'tasklist.card',
    priority: 100,
    render: (node, { api, taskId }) => {
      node.classList.add('dd-card');
      briefOf(api, taskId).then((brief) => renderBrief(node, brief, false));
    }
  },
  {
    id: 'disclosure-desk-task-header',
    pluginPoint: 'tasklist.task.action',
    priority: 1000,
    render: (node, { api }, scope) => {
      node.classList.add('dd-header');
      const load = (taskId) => {
        if (taskId) {
          briefOf(api, taskId).then((brief) => placeTaskBrief(taskId, brief, api));
        }
      };
      if (scope && typeof scope.$watch === 'function') {
        scope.$watch(() => currentTaskId(scope), load);
      } else {
        load(currentTaskId(null));
      }
    }
  },
  {
    id: 'disclosure-desk-search',
    pluginPoint: 'tasklist.list',
    priority: 200,
    render: (node, { api }) => {
      sortByDueDate();
      renderRecent(node, api);
      renderSearch(node, api);
    }
  }
];
