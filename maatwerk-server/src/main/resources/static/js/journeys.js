// Draws a journey's results by channel (sent, delivered, responded) from /api/v1/journeys/{key}/stats with ECharts.
(function () {
  'use strict';
  const main = document.querySelector('main.journey-page');
  const box = document.getElementById('stats-chart');
  if (!main || !box) return;
  const labels = main.dataset.labels.split('|');
  fetch('/api/v1/journeys/' + encodeURIComponent(main.dataset.key) + '/stats', {headers: {Accept: 'application/json'}})
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(stats => {
      const rows = stats.byChannel;
      const chart = echarts.init(box);
      const value = v => v === null || v === undefined ? 0 : v;
      chart.setOption({
        animation: false,
        color: ['#01689b', '#5aa9d6', '#f39200'],
        legend: {top: 0, data: labels},
        grid: {left: 10, right: 20, top: 30, bottom: 25, containLabel: true},
        tooltip: {trigger: 'axis'},
        xAxis: {type: 'category', data: rows.map(r => r.group)},
        yAxis: {type: 'value'},
        series: [
          {name: labels[0], type: 'bar', data: rows.map(r => value(r.sent))},
          {name: labels[1], type: 'bar', data: rows.map(r => value(r.delivered))},
          {name: labels[2], type: 'bar', data: rows.map(r => value(r.responded))}
        ]
      });
      box.dataset.rendered = String(rows.length);
      window.addEventListener('resize', () => chart.resize());
    })
    .catch(() => { box.dataset.rendered = 'error'; });
})();
