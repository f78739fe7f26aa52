// The report's script, inlined: filters rows, recomputes the prevalence bars for the areas shown, and shows a cell's
// evidence (the inspectors' words; the council's and others' when asked). Every document-derived string reaches the
// page through textContent, never as markup.
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var tbody = document.querySelector('table.heat tbody');
  var rows = Array.prototype.slice.call(tbody.rows);
  var region = document.getElementById('f-region');
  var outcome = document.getElementById('f-outcome');
  var search = document.getElementById('f-name');
  var recurring = document.getElementById('f-recurring');
  var voices = document.getElementById('f-voices');
  var VOICE_LABELS = { inspectors: '', council: ' · the council\u2019s words', others: ' · others\u2019 words (parents, campaigners, press)' };
  var selected = null;
  var sort = document.getElementById('f-sort');
  var panel = document.getElementById('panel');
  var bars = Array.prototype.slice.call(document.querySelectorAll('.bars li'));

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function apply() {
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    var counts = {};
    data.categories.forEach(function (c) { counts[c] = 0; });
    rows.forEach(function (tr) {
      var ok = (!region.value || tr.getAttribute('data-region') === region.value) &&
        (!outcome.value || (' ' + tr.getAttribute('data-outcomes') + ' ').indexOf(' ' + outcome.value + ' ') >= 0) &&
        (!q || tr.getAttribute('data-name').toLowerCase().indexOf(q) >= 0) &&
        (!recurring.checked || tr.querySelector('td.recurring') !== null);
      tr.hidden = !ok;
      if (!ok) return;
      shown++;
      Array.prototype.forEach.call(tr.querySelectorAll('td.cell.c-latest'), function (td) {
        counts[td.getAttribute('data-cat')]++;
      });
    });
    document.getElementById('shown').textContent = shown + (shown === 1 ? ' area' : ' areas') + ' shown';
    var filtered = shown !== rows.length;
    document.getElementById('filter-note').textContent = filtered ? ' (among the ' + shown + ' areas shown; the black tick marks the national share)' : '';
    bars.forEach(function (li) {
      var n = counts[li.getAttribute('data-cat')];
      var share = shown ? n / shown : 0;
      li.querySelector('.bar').style.width = (share * 100).toFixed(1) + '%';
      li.querySelector('.value').textContent = n + ' of ' + shown + ' (' + Math.round(share * 100) + '%)';
    });
  }

  function reorder() {
    var key = sort.value;
    rows.slice().sort(function (a, b) {
      if (key === 'concerns') return Number(b.getAttribute('data-concerns')) - Number(a.getAttribute('data-concerns')) || a.getAttribute('data-name').localeCompare(b.getAttribute('data-name'));
      if (key === 'region') return a.getAttribute('data-region').localeCompare(b.getAttribute('data-region')) || a.getAttribute('data-name').localeCompare(b.getAttribute('data-name'));
      return a.getAttribute('data-name').localeCompare(b.getAttribute('data-name'));
    }).forEach(function (tr) { tbody.appendChild(tr); });
  }

  function citation(q) {
    var cite = el('cite');
    var doc = data.documents[q.doc] || { kind: 'document', name: q.doc, url: null };
    cite.appendChild(document.createTextNode((q.page ? 'p. ' + q.page + ' · ' : '') + doc.kind + ': '));
    if (doc.url) {
      var a = el('a', doc.name);
      a.href = doc.url;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      cite.appendChild(a);
    } else cite.appendChild(document.createTextNode(doc.name));
    if (q.also.length) {
      cite.appendChild(document.createTextNode(' · also reported by ' + q.also.map(function (d) {
        var other = data.documents[d];
        return other ? other.kind + ': ' + other.name : d;
      }).join(', ')));
    }
    return cite;
  }

  function show(td) {
    var tr = td.parentNode;
    var cat = td.getAttribute('data-cat');
    var all = data.evidence[tr.getAttribute('data-code') + '|' + cat] || [];
    if (!all.length) return;
    var groups = all.filter(function (g) { return voices.checked || g.voice === 'inspectors'; });
    Array.prototype.forEach.call(document.querySelectorAll('td.selected'), function (s) { s.classList.remove('selected'); });
    td.classList.add('selected');
    selected = td;
    panel.replaceChildren(el('h3', tr.getAttribute('data-name') + ' · ' + data.labels[cat]));
    var title = td.getAttribute('title');
    var state = title.slice(title.indexOf(': ') + 2);
    panel.appendChild(el('p', state.charAt(0).toUpperCase() + state.slice(1) + '.', 'note'));
    if (groups.length < all.length) panel.appendChild(el('p', 'The council or others also said something here: tick \u201ccouncil\u2019s and others\u2019 words\u201d to read it.', 'note'));
    groups.forEach(function (g) {
      var insp = data.inspections[g.inspection];
      var heading = (g.polarity === 'concern' ? 'Concern' : 'Strength') + VOICE_LABELS[g.voice] + ' · ' + (insp ? insp.label : g.inspection);
      panel.appendChild(el('h4', heading, g.polarity + (g.voice === 'inspectors' ? '' : ' voice')));
      var ul = el('ul');
      g.quotes.forEach(function (q) {
        var li = el('li');
        li.appendChild(el('blockquote', '\u201c' + (q.context ? q.context + ' \u2026 ' : '') + q.quote + '\u201d'));
        li.appendChild(citation(q));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
      if (g.more) panel.appendChild(el('p', 'and ' + g.more + ' more in findings.csv', 'more'));
    });
  }

  tbody.addEventListener('click', function (e) {
    var td = e.target.closest('td.cell');
    if (td) show(td);
  });
  tbody.addEventListener('keydown', function (e) {
    var td = e.target.closest('td.cell');
    if (td && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); show(td); }
  });
  [region, outcome, recurring].forEach(function (c) { c.addEventListener('change', apply); });
  voices.addEventListener('change', function () { if (selected) show(selected); });
  search.addEventListener('input', apply);
  sort.addEventListener('change', reorder);
  apply();
})();
`;
