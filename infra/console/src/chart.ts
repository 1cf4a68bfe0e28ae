import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { h } from './dom.ts';

// Only the parts the console draws: bar charts (tree-shaken bundle).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
  readonly color: string;
}

/**
 * A bar chart with a text alternative: the canvas is labelled and the figures it draws are in
 * the table beside it (screen readers read the table, not the canvas).
 */
export function barChart(title: string, labels: readonly string[], series: readonly Series[], unit: string): HTMLElement {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title} 막대그래프 (수치는 옆 표에 있습니다)` });
  const figure = h('figure', { class: 'chart' }, h('figcaption', {}, title), h('div', { class: 'chart-box' }, canvas));
  new Chart(canvas, {
    type: 'bar',
    data: { labels: [...labels], datasets: series.map((s) => ({ label: s.label, data: [...s.values], backgroundColor: s.color })) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: unit } } },
      plugins: { legend: { display: series.length > 1 } },
    },
  });
  return figure;
}
