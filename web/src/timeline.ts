/**
 * The timeline: events per month as bars stacked by type, and the month's mean Goldstein score
 * as a line on its own axis (-10 conflict ... +10 cooperation). Drawn by chart.js on a canvas.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js'
import type { Summary } from '../../src/api/types.js'
import { monthLabel, TYPE_STYLE } from './labels.js'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
)

let chart: Chart | null = null

/**
 * Draw a summary on the canvas. The canvas's `data-points` says how many dated events the bars
 * hold and `data-months` how many months they cover (for tests and for screen readers' label).
 */
export function drawTimeline(canvas: HTMLCanvasElement, summary: Summary): void {
  chart?.destroy()
  const labels = summary.months.map((month) => monthLabel(month.month))
  const bars: ChartDataset<'bar' | 'line', (number | null)[]>[] = summary.types.map((type) => ({
    type: 'bar' as const,
    label: TYPE_STYLE[type].label,
    data: summary.months.map((month) => month.byType[type] ?? 0),
    backgroundColor: TYPE_STYLE[type].color,
    stack: 'events',
    yAxisID: 'y',
    order: 2,
  }))
  const goldstein: ChartDataset<'bar' | 'line', (number | null)[]> = {
    type: 'line' as const,
    label: 'Goldstein (mean)',
    data: summary.months.map((month) => month.goldsteinMean),
    borderColor: '#222',
    backgroundColor: '#222',
    borderWidth: 2,
    pointRadius: 3,
    spanGaps: true,
    yAxisID: 'goldstein',
    order: 1,
  }
  chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: [...bars, goldstein] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: {
        x: { stacked: true },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: 'events' },
        },
        goldstein: {
          position: 'right',
          min: -10,
          max: 10,
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'Goldstein' },
        },
      },
    },
  })
  const points = summary.months.reduce((sum, month) => sum + month.total, 0)
  canvas.dataset['points'] = String(points)
  canvas.dataset['months'] = String(summary.months.length)
  canvas.setAttribute(
    'aria-label',
    `${points} events over ${summary.months.length} months, by type, with the mean Goldstein score`,
  )
}

/** Remove the chart (empty and error states). */
export function clearTimeline(canvas: HTMLCanvasElement): void {
  chart?.destroy()
  chart = null
  canvas.dataset['points'] = '0'
  canvas.dataset['months'] = '0'
}
