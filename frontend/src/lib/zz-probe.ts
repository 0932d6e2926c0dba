import { getPlans } from '@/features/plans/api/get-plans';
import { routes } from '../app/router';
export const x = [getPlans, routes];
