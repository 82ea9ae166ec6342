import type { ApexOptions } from 'apexcharts';

/** Orange first, then tints and shades that stay distinguishable on dark grey. */
export const chartPalette = ['#FF6600', '#FFB380', '#CC5200', '#FFE0CC', '#8F3A00'];

/** The portal's dark theme for every ApexCharts chart; callers merge their own options in. */
export function baseChartOptions(noDataText: string): ApexOptions {
  return {
    chart: {
      background: 'transparent',
      foreColor: '#b3b3b3',
      fontFamily: 'inherit',
      toolbar: { show: false },
      zoom: { enabled: false },
      animations: { enabled: !prefersReducedMotion() },
    },
    theme: { mode: 'dark' },
    colors: chartPalette,
    grid: { borderColor: '#3d3d3d', strokeDashArray: 4 },
    stroke: { curve: 'smooth', width: 3 },
    dataLabels: { enabled: false },
    legend: { labels: { colors: '#f2f2f2' } },
    tooltip: { theme: 'dark' },
    fill: { type: 'gradient', gradient: { opacityFrom: 0.45, opacityTo: 0.05 } },
    noData: { text: noDataText, style: { color: '#b3b3b3', fontSize: '14px' } },
  };
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}
