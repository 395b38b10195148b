/*
 * The few English texts Camunda 7.24's webapps write into their pages without a translation key (so zh.json cannot
 * reach them): the variables table's "Actions" header, the variable type names, a missing value shown as "null";
 * and the agency a task or instance belongs to, which Camunda shows as its tenant id (the agency's code): shown by
 * the agency's short name, the code in its tooltip (not in Admin, whose tenant pages are about the ids).
 * Loaded by every app through its config.js (customScripts); replaced where they are rendered, as text only.
 */
const TYPES = {
  Boolean: '布尔', Bytes: '字节', File: '文件', Date: '日期', Double: '双精度数', Integer: '整数', Long: '长整数',
  Null: '空值', Object: '对象', Short: '短整数', String: '字符串', Json: 'JSON', Xml: 'XML'
};

/** Agency code → short name, from the registry (/api/agencies, any staff member); null until it has answered. */
let agencies = null;

function translate(node) {
  const text = node.data.trim();
  if (!text) {
    return;
  }
  const parent = node.parentElement;
  const tenant = parent && parent.closest('.tenant-id');
  if (tenant) {
    if (agencies && Object.prototype.hasOwnProperty.call(agencies, text)) {
      node.data = node.data.replace(text, agencies[text]);
      tenant.setAttribute('title', text);
    }
    return;
  }
  const table = parent && parent.closest('[cam-widget-variables-table]');
  let zh = null;
  if (text === 'null') {
    zh = '无';
  } else if (table && text === 'Actions') {
    zh = '操作';
  } else if (table && Object.prototype.hasOwnProperty.call(TYPES, text)) {
    zh = TYPES[text];
  }
  if (zh !== null) {
    node.data = node.data.replace(text, zh);
  }
}

function walk(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translate(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || root.closest('input, textarea, [contenteditable]')) {
    return;
  }
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
    translate(n);
  }
}

if (typeof document !== 'undefined' && document.body) {
  walk(document.body);
  if (window.location.pathname.indexOf('/camunda/app/admin/') !== 0) {
    fetch('/api/agencies', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : []))
      .then((list) => {
        agencies = {};
        list.forEach((a) => { agencies[a.code] = a.shortName || a.name; });
        walk(document.body);
      })
      .catch(() => {});
  }
  new MutationObserver((mutations) => mutations.forEach((m) => {
    if (m.type === 'characterData') {
      walk(m.target);
    } else {
      m.addedNodes.forEach(walk);
    }
  })).observe(document.body, { childList: true, subtree: true, characterData: true });
}
