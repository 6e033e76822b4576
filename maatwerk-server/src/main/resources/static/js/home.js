// The home page's contact-per-channel bar chart; labels and values come from the chart's data attributes.
(function () {
  const element = document.getElementById('channel-chart');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  const labels = element.dataset.labels ? element.dataset.labels.split('|') : [];
  const values = element.dataset.values ? element.dataset.values.split('|').map(Number) : [];
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    grid: {left: 110, right: 30, top: 10, bottom: 30},
    xAxis: {type: 'value'},
    yAxis: {type: 'category', data: labels.slice().reverse()},
    series: [{type: 'bar', data: values.slice().reverse(), itemStyle: {color: '#01689b'}}],
    tooltip: {}
  });
})();
