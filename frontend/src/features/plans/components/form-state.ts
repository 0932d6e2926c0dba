import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemFocus } from '@/features/plans/components/form-alert';
import {
  errorFor,
  fieldErrorsOf,
  withoutError,
  type FieldErrors,
} from '@/features/plans/utils/field-errors';

/** Runs `load` (reading again what is stored, after a conflict) and says while it runs. */
export function useReload(load: () => Promise<unknown>) {
  const [reloading, setReloading] = useState(false);
  async function reload() {
    setReloading(true);
    try {
      await load();
    } finally {
      setReloading(false);
    }
  }
  return { reload: () => void reload(), reloading };
}

/**
 * A form's values and the errors next to its fields: a change clears the error of the field it concerns
 * (the value's own key unless told), and a refused save puts the API's field errors in place and the focus
 * on the first problem.
 */
export function useFieldForm<V>(initial: V | (() => V)) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { formRef, alertRef, request: focusProblem } = useProblemFocus();

  function set<K extends keyof V & string>(key: K, value: V[K], field: string = key) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => withoutError(current, field));
  }

  /** Errors found before sending, or given back by the API: shown next to their fields. */
  function showErrors(found: FieldErrors) {
    setErrors(found);
    focusProblem();
  }

  return {
    values,
    set,
    errors,
    err: (field: string) => errorFor(errors, field),
    showErrors,
    showProblem: (error: unknown) => showErrors(fieldErrorsOf(error)),
    formRef,
    alertRef,
    focusProblem,
  };
}

/**
 * The state of a form that saves a plan or one of its items: besides the values and field errors, the failure
 * the alert explains (with a way to load the stored version after a conflict, when `onReload` is given).
 */
export function usePlanForm<V>(initial: V, onReload?: () => Promise<void>) {
  const { t } = useTranslation();
  const form = useFieldForm(initial);
  const [failure, setFailure] = useState<unknown>(null);
  const { reload, reloading } = useReload(async () => {
    await onReload?.();
  });
  const checkFields = failure === null && Object.keys(form.errors).length > 0;

  return {
    ...form,
    /** Before sending: the last failure is no longer what the alert says. */
    clearFailure: () => setFailure(null),
    /** The checks made before sending found problems. */
    refuse: (found: FieldErrors) => {
      setFailure(null);
      form.showErrors(found);
    },
    /** The save was refused: the alert says why, and the API's field errors stand next to their fields. */
    fail: (error: unknown) => {
      setFailure(error);
      form.showProblem(error);
    },
    /** The form alert's properties, but for the messages no control on screen shows (`others`). */
    alert: {
      alertRef: form.alertRef,
      error: failure,
      message: checkFields ? t('plan.errors.checkFields') : undefined,
      onReload: onReload ? reload : undefined,
      reloading,
    },
  };
}
