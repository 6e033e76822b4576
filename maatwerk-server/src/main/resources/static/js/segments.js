// Draws a segment's profile (its members against all residents) from /api/v1/segments/{key}/profile with ECharts.
(function () {
  'use strict';
  const main = document.querySelector('main.segment-page');
  if (!main) return;
  const labels = JSON.parse(main.dataset.labels);
  const lang = document.documentElement.lang || 'nl';
  const charts = main.querySelectorAll('.profile [data-dimension]');
  if (!charts.length) return;

  function percent(v) {
    return v === null || v === undefined ? '–' : (v * 100).toLocaleString(lang, {maximumFractionDigits: 1}) + '%';
  }

  function draw(card, dimension) {
    const bars = dimension.bars;
    const names = bars.map(b => labels[dimension.name + '.' + b.value] || b.value);
    const box = card.querySelector('.chart');
    box.style.height = Math.max(300, bars.length * (bars.length > 12 ? 16 : 34) + 70) + 'px';
    const chart = echarts.init(box);
    chart.setOption({
      animation: false,
      color: ['#01689b', '#b2cfe0'],
      legend: {top: 0, data: [labels.segment, labels.residents]},
      grid: {left: 10, right: 20, top: 30, bottom: 25, containLabel: true},
      tooltip: {trigger: 'axis', valueFormatter: percent},
      xAxis: {type: 'value', axisLabel: {formatter: v => Math.round(v * 100) + '%'}},
      yAxis: {type: 'category', data: names, inverse: true},
      series: [
        {name: labels.segment, type: 'bar', data: bars.map(b => b.segmentShare)},
        {name: labels.residents, type: 'bar', data: bars.map(b => b.residentShare)}
      ]
    });
    card.dataset.rendered = String(bars.length);
    window.addEventListener('resize', () => chart.resize());
  }

  fetch('/api/v1/segments/' + encodeURIComponent(main.dataset.key) + '/profile', {headers: {Accept: 'application/json'}})
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(profile => {
      const byName = new Map(profile.dimensions.map(d => [d.name, d]));
      charts.forEach(card => draw(card, byName.get(card.dataset.dimension)));
    })
    .catch(() => charts.forEach(card => {
      card.dataset.rendered = 'error';
      card.querySelector('.chart').textContent = labels.error;
    }));
})();
