import { Suspense, lazy, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApexOptions } from 'apexcharts';
import { Loading } from '../ui/loading.tsx';
import { baseChartOptions } from './chart-theme.ts';
import './dashboard-chart.css';

// ApexCharts is large (about 1 MB): load it only on screens that draw a chart of real figures
// (there is none yet; the partner overview shows an empty state until analytics exists).
const ReactApexChart = lazy(() => import('react-apexcharts'));

export interface DashboardChartProps {
  title: string;
  description?: string;
  type?: 'area' | 'line' | 'bar' | 'donut';
  series: ApexOptions['series'];
  categories?: string[];
  height?: number;
  options?: ApexOptions;
}

export function DashboardChart({
  title,
  description,
  type = 'area',
  series,
  categories,
  height = 280,
  options,
}: DashboardChartProps) {
  const { t } = useTranslation('common');
  const merged = useMemo<ApexOptions>(() => {
    const base = baseChartOptions(t('chart.noData'));
    return {
      ...base,
      ...options,
      chart: { ...base.chart, ...options?.chart, id: title },
      xaxis: { ...options?.xaxis, ...(categories ? { categories } : {}) },
    };
  }, [t, options, categories, title]);

  return (
    <figure className="chart-frame" style={{ margin: 0 }} aria-label={title}>
      <Suspense fallback={<Loading label={t('chart.loading')} />}>
        <ReactApexChart type={type} series={series} options={merged} height={height} />
      </Suspense>
      {description && <figcaption className="field-hint">{description}</figcaption>}
    </figure>
  );
}
