// Draws every dashboard widget from the analytics API; redraws after htmx swaps in a filtered view.
(function () {
  'use strict';
  const main = document.querySelector('main.dashboard');
  const labels = JSON.parse(main.dataset.labels);
  const lang = document.documentElement.lang || 'nl';
  const blue = ['#01689b', '#e17000', '#39870c', '#a90061', '#8fcae7', '#ffb612', '#76d2b6', '#ca005d', '#94710a', '#42145f'];
  const sortedByValue = new Set(['topic', 'subtopic', 'district', 'neighbourhood']);

  function label(dimension, value) {
    if (value === null || value === undefined) return labels.unknown;
    return labels[dimension + '.' + value] || value;
  }

  function numeric(value) {
    return typeof value === 'number' ? value : null;
  }

  function format(value, percent) {
    if (typeof value === 'string') return value;            // "<k": withheld
    if (value === null || value === undefined) return '–';
    if (typeof value === 'boolean') return value ? '✓' : '';
    if (percent) return (value * 100).toLocaleString(lang, {maximumFractionDigits: 1}) + '%';
    return Number.isInteger(value) ? value.toLocaleString(lang) : value.toLocaleString(lang, {maximumFractionDigits: 2});
  }

  function table(widget, body) {
    const percent = widget.dataset.percent === 'true';
    const shareColumns = new Set(percent ? ['value'] : ['share', 'digitalShare', 'digitalShareLastYear']);
    const head = '<tr>' + body.columns.map(c => '<th>' + c + '</th>').join('') + '</tr>';
    const rows = body.rows.map(r => '<tr' + (r.suppressed ? ' class="suppressed"' : '') + '>' + body.columns.map(c => {
      const v = r[c];
      const shown = body.dimensions.includes(c) || c === 'channel' ? label(c, v) : format(v, shareColumns.has(c));
      return '<td>' + escape(String(shown)) + '</td>';
    }).join('') + '</tr>').join('');
    widget.querySelector('.rows').innerHTML = body.rows.length
        ? '<table class="data-table">' + head + rows + '</table>' : '<p class="muted">' + labels.noData + '</p>';
  }

  // Rows of the first dimension, columns of the second; each cell the field's label and its share.
  function matrix(widget, body) {
    const [rowDim, colDim] = body.dimensions;
    const field = widget.dataset.field;
    const rows = [...new Set(body.rows.map(r => r[rowDim]))];
    const cols = [...new Set(body.rows.map(r => r[colDim]))].sort((a, b) => (a === null) - (b === null) || String(a).localeCompare(String(b), undefined, {numeric: true}));
    const cell = new Map(body.rows.map(r => [r[rowDim] + '|' + r[colDim], r]));
    const head = '<tr><th></th>' + cols.map(c => '<th>' + escape(String(label(colDim, c))) + '</th>').join('') + '</tr>';
    const lines = rows.map(r => '<tr><th>' + escape(String(label(rowDim, r))) + '</th>' + cols.map(c => {
      const row = cell.get(r + '|' + c);
      if (!row) return '<td></td>';
      if (row.suppressed) return '<td class="suppressed">' + escape(String(row[field])) + '</td>';
      return '<td>' + escape(String(label(field, row[field]))) + ' <span class="muted">' + format(row.share, true) + '</span></td>';
    }).join('') + '</tr>').join('');
    widget.querySelector('.matrix').innerHTML = '<table class="data-table">' + head + lines + '</table>';
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, ch => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[ch]));
  }

  function chartOption(widget, body) {
    const field = widget.dataset.field;
    const percent = widget.dataset.percent === 'true';
    const scale = v => (v === null ? null : percent ? +(v * 100).toFixed(2) : +v.toFixed ? +v.toFixed(2) : v);
    const tooltipValue = v => (v === null || v === undefined ? '<' + main.dataset.k : percent ? v + '%' : v.toLocaleString(lang));
    const dims = body.dimensions;
    const base = {animation: false, color: blue, tooltip: {valueFormatter: tooltipValue}};
    switch (widget.dataset.chart) {
      case 'bar': {
        let rows = body.rows.slice();
        if (sortedByValue.has(dims[0])) {
          rows.sort((a, b) => (numeric(b[field]) ?? -1) - (numeric(a[field]) ?? -1));
          rows = rows.slice(0, 25);
        }
        rows.reverse();
        return Object.assign(base, {
          grid: {left: 150, right: 30, top: 10, bottom: 30},
          xAxis: {type: 'value'},
          yAxis: {type: 'category', data: rows.map(r => label(dims[0], r[dims[0]])), axisLabel: {width: 140, overflow: 'truncate'}},
          series: [{type: 'bar', data: rows.map(r => scale(numeric(r[field])))}]
        });
      }
      case 'line': {
        return Object.assign(base, {
          grid: {left: 50, right: 20, top: 20, bottom: 30},
          xAxis: {type: 'category', data: body.rows.map(r => r[dims[0]])},
          yAxis: {type: 'value', axisLabel: {formatter: percent ? '{value}%' : '{value}'}},
          series: [{type: 'line', data: body.rows.map(r => scale(numeric(r[field]))), connectNulls: false}]
        });
      }
      case 'stack': {
        const xs = [...new Set(body.rows.map(r => r[dims[0]]))].sort();
        const names = [...new Set(body.rows.map(r => r[dims[1]]))];
        const index = new Map(body.rows.map(r => [r[dims[0]] + '|' + r[dims[1]], r]));
        return Object.assign(base, {
          legend: {top: 0, type: 'scroll'},
          grid: {left: 60, right: 20, top: 40, bottom: 30},
          tooltip: {trigger: 'axis', valueFormatter: tooltipValue},
          xAxis: {type: 'category', data: xs},
          yAxis: {type: 'value'},
          series: names.map(n => ({
            type: 'bar', stack: 'all', name: label(dims[1], n),
            data: xs.map(x => { const r = index.get(x + '|' + n); return r ? scale(numeric(r[field])) : 0; })
          }))
        });
      }
      case 'heatmap': {
        const ys = [...new Set(body.rows.map(r => r[dims[0]]))].sort();
        const xs = [...new Set(body.rows.map(r => r[dims[1]]))].sort();
        const data = body.rows.map(r => [xs.indexOf(r[dims[1]]), ys.indexOf(r[dims[0]]), scale(numeric(r[field]))]);
        const values = data.map(d => d[2]).filter(v => v !== null);
        return Object.assign(base, {
          grid: {left: 90, right: 20, top: 10, bottom: 70},
          xAxis: {type: 'category', data: xs},
          yAxis: {type: 'category', data: ys.map(y => label(dims[0], y))},
          visualMap: {min: 0, max: Math.max(1, ...values), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
                      inRange: {color: ['#f1f7fb', '#01689b']}},
          series: [{type: 'heatmap', data: data.filter(d => d[2] !== null)}]
        });
      }
      default:
        return null;
    }
  }

  async function render(widget) {
    widget.dataset.rendered = 'loading';
    let body;
    try {
      const response = await fetch(widget.dataset.api, {headers: {Accept: 'application/json'}});
      body = await response.json();
      if (!response.ok) throw new Error(body.detail || response.statusText);
    } catch (e) {
      widget.querySelector('.rows').textContent = e.message;
      widget.dataset.rendered = 'error';
      return;
    }
    if (widget.dataset.chart === 'figure') {
      const row = body.rows[0];
      widget.querySelector('.figure').textContent = row ? format(row[widget.dataset.field], widget.dataset.percent === 'true') : '–';
    }
    const option = chartOption(widget, body);
    const holder = widget.querySelector('.chart');
    if (option && holder) {
      if (body.rows.length && body.rows.every(r => r.suppressed)) {
        holder.innerHTML = '<p class="muted empty">' + labels.allHidden.replace('{0}', main.dataset.k) + '</p>';
      } else if (body.rows.length) {
        echarts.init(holder).setOption(option);
      } else {
        holder.innerHTML = '<p class="muted empty">' + labels.noData + '</p>';
      }
    }
    if (widget.dataset.chart === 'matrix') matrix(widget, body);
    if (widget.querySelector('.rows')) table(widget, body);
    widget.dataset.rendered = String(body.rows.length);
  }

  function renderAll() {
    document.querySelectorAll('.widget[data-api]:not([data-rendered])').forEach(render);
  }

  // The language switch keeps the filters of the view it switches.
  function keepFiltersOnLanguageSwitch() {
    const link = document.querySelector('a.lang');
    if (!link) return;
    const target = new URL(link.href, location.href).searchParams.get('lang');
    const parameters = new URLSearchParams(location.search);
    parameters.set('lang', target);
    link.href = location.pathname + '?' + parameters;
  }

  document.addEventListener('htmx:afterSettle', () => { renderAll(); keepFiltersOnLanguageSwitch(); });
  renderAll();
  keepFiltersOnLanguageSwitch();
})();
