import { ChangePasswordForm } from '@/features/auth/components/change-password-form';

export function ChangePasswordRoute() {
  return <ChangePasswordForm />;
}
