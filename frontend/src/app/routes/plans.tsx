import { PlansList } from '@/features/plans/components/plans-list';

export function PlansRoute() {
  return <PlansList />;
}
