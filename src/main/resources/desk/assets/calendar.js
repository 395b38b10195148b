// The admin's calendar page: read the State Council notice, check and correct what was read, preview which open
// requests' due dates would move, then save (PUT /api/calendar/{year}). Every write carries the CSRF token.
(function () {
  'use strict';
  var section = document.getElementById('notice-entry');
  if (!section) {
    return;
  }
  var year = section.dataset.year;
  var text = document.getElementById('notice-text');
  var holidays = document.getElementById('holidays-text');
  var work = document.getElementById('work-text');
  var problems = document.getElementById('notice-problems');
  var result = document.getElementById('calendar-result');
  var changes = document.getElementById('calendar-changes');
  var save = document.getElementById('calendar-save');

  function say(el, message, kind) {
    el.textContent = message;
    el.className = message ? 'alert alert-' + kind : '';
  }

  function post(url, body, method) {
    return window.deskFetch(url, {method: method || 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)})
      .then(function (r) { return r.json().then(function (j) { return {ok: r.ok, json: j}; }); });
  }

  function failed(json) {
    var fields = json.fields ? Object.keys(json.fields).map(function (k) { return k + '：' + json.fields[k]; }) : [];
    return (json.message || '出错了') + (fields.length ? '（' + fields.join('；') + '）' : '');
  }

  // the notice's holidays and make-up days as PUT's body: off = every day of every holiday
  function body() {
    var hs = [];
    var off = [];
    var bad = [];
    holidays.value.split('\n').forEach(function (line, i) {
      var parts = line.trim().split(/\s+/);
      if (!line.trim()) {
        return;
      }
      if (parts.length !== 3 || !/^\d{4}-\d{2}-\d{2}$/.test(parts[1]) || !/^\d{4}-\d{2}-\d{2}$/.test(parts[2])) {
        bad.push('节假日第 ' + (i + 1) + ' 行应为“名称 起始日期 结束日期”，日期写作 YYYY-MM-DD');
        return;
      }
      hs.push({name: parts[0], from: parts[1], to: parts[2]});
      for (var d = new Date(parts[1] + 'T00:00:00Z'); d <= new Date(parts[2] + 'T00:00:00Z');
        d.setUTCDate(d.getUTCDate() + 1)) {
        off.push(d.toISOString().slice(0, 10));
      }
    });
    var ws = work.value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean);
    ws.forEach(function (w) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(w)) {
        bad.push('调休上班日“' + w + '”应写作 YYYY-MM-DD');
      }
    });
    return {bad: bad, value: {off: off, work: ws, holidays: hs}};
  }

  document.getElementById('notice-file').addEventListener('change', function (e) {
    var f = e.target.files[0];
    if (f) {
      f.text().then(function (t) { text.value = t; });
    }
  });

  document.getElementById('notice-read').addEventListener('click', function () {
    say(problems, '正在读取……', 'ok');
    post('/api/calendar/' + year + '/notice', {text: text.value}).then(function (r) {
      if (!r.ok) {
        say(problems, failed(r.json), 'error');
        return;
      }
      holidays.value = r.json.holidays.map(function (h) { return h.name + ' ' + h.from + ' ' + h.to; }).join('\n');
      work.value = r.json.work.join('\n');
      save.disabled = true;
      var list = r.json.problems.map(function (p) { return (p.severity === 'ERROR' ? '错误：' : '提示：') + p.message; });
      var errors = r.json.problems.some(function (p) { return p.severity === 'ERROR'; });
      var summary = '已读出 ' + r.json.holidays.length + ' 个节假日、' + r.json.work.length
        + ' 个调休上班日，请核对后点“预览影响”。';
      say(problems, [summary].concat(list).join('\n'), errors ? 'error' : (list.length ? 'warn' : 'ok'));
    }).catch(function () { say(problems, '读取失败，请检查网络后重试', 'error'); });
  });

  document.getElementById('calendar-preview').addEventListener('click', function () {
    var b = body();
    changes.hidden = true;
    if (b.bad.length) {
      say(result, b.bad.join('；'), 'error');
      return;
    }
    say(result, '正在计算……', 'ok');
    post('/api/calendar/' + year + '/preview', b.value).then(function (r) {
      if (!r.ok) {
        say(result, failed(r.json), 'error');
        save.disabled = true;
        return;
      }
      var tbody = changes.querySelector('tbody');
      tbody.textContent = '';
      r.json.changes.forEach(function (c) {
        var tr = document.createElement('tr');
        [c.trackingNumber, c.statusLabel, c.dueOnBefore || '—', c.dueOnAfter || '—'].forEach(function (t) {
          var td = document.createElement('td');
          td.textContent = t;
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      changes.hidden = r.json.changes.length === 0;
      var appeals = r.json.appealChanges.length;
      say(result, year + '年共 ' + r.json.workingDayCount + ' 个工作日。保存后 ' + r.json.changes.length
        + ' 件办理中申请的答复期限将改变' + (appeals ? '，' + appeals + ' 件复议诉讼案件的期限将改变' : '') + '。', 'ok');
      save.disabled = false;
    }).catch(function () { say(result, '计算失败，请检查网络后重试', 'error'); });
  });

  save.addEventListener('click', function () {
    var b = body();
    say(result, '正在保存……', 'ok');
    post('/api/calendar/' + year, b.value, 'PUT').then(function (r) {
      if (!r.ok) {
        say(result, failed(r.json), 'error');
        return;
      }
      window.location.href = '/calendar?year=' + year + '&saved=1';
    }).catch(function () { say(result, '保存失败，请检查网络后重试', 'error'); });
  });
}());
