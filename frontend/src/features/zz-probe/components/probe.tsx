import { PlansList } from '@/features/plans/components/plans-list';
import { getPlans } from '../../plans/api/get-plans';
import * as plans from '@/features/plans';
import { App } from '@/app';
export function Probe() {
  void getPlans; void plans; void App;
  return <div title="Xin chào" aria-label="ok">Kế hoạch<PlansList /></div>;
}
