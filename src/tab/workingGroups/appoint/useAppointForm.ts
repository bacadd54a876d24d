import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import type { AppointInput, MembershipType } from '../../../contract';

const NAME_MAX = 50;

export interface AppointValues {
  name: string;
  syfte: string;
  uppdrag: string;
  malsattning: string;
  memberIds: string[];
  convenerId: string;
  start: string;
  end: string;
  decisionId: string;
  membershipType: MembershipType;
}

const EMPTY: AppointValues = {
  name: '',
  syfte: '',
  uppdrag: '',
  malsattning: '',
  memberIds: [],
  convenerId: '',
  start: '',
  end: '',
  decisionId: '',
  membershipType: 'private',
};

/** What the form can tell before asking the server, keyed as the server's issue paths. */
function localProblems(v: AppointValues): Record<string, string> {
  const local: Record<string, string> = {};
  if (!v.name.trim()) local.name = 'Namnet får inte vara tomt.';
  else if (v.name.trim().length > NAME_MAX) local.name = `Namnet får vara högst ${NAME_MAX} tecken.`;
  if (!v.syfte.trim()) local.syfte = 'Syftet får inte vara tomt.';
  if (!v.uppdrag.trim()) local.uppdrag = 'Uppdraget får inte vara tomt.';
  if (v.memberIds.length === 0) local.memberIds = 'Välj minst en medlem.';
  if (!v.convenerId) local.convenerId = 'Välj sammankallande.';
  if (!v.start) local['period.start'] = 'Ange startdatum.';
  return local;
}

function appointRequest(v: AppointValues): AppointInput {
  return {
    name: v.name.trim(),
    syfte: v.syfte.trim(),
    uppdrag: v.uppdrag.trim(),
    ...(v.malsattning.trim() ? { malsattning: v.malsattning.trim() } : {}),
    memberIds: v.memberIds,
    convenerId: v.convenerId,
    period: { start: v.start, ...(v.end ? { end: v.end } : {}) },
    membershipType: v.membershipType,
    ...(v.decisionId.trim() ? { decisionId: v.decisionId.trim() } : {}),
  };
}

function serverProblems(error: ApiError): Record<string, string> {
  const fromServer: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    const path = (issue as { path?: unknown }).path;
    if (typeof path === 'string' && path) fromServer[path] = issue.message;
  }
  return fromServer;
}

/** The appointment's values, its problems per field, and the submit that checks, sends and words a failure. */
export function useAppointForm(onSubmit: (request: AppointInput) => Promise<void>) {
  const { t } = useI18n();
  const [values, setValues] = useState<AppointValues>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();

  const set =
    <K extends keyof AppointValues>(key: K) =>
    (value: AppointValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const toggle = (id: string, checked: boolean) =>
    setValues((current) => ({
      ...current,
      memberIds: checked ? [...current.memberIds, id] : current.memberIds.filter((m) => m !== id),
      convenerId: !checked && current.convenerId === id ? '' : current.convenerId,
    }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const local = localProblems(values);
    setProblems(local);
    setFailure(undefined);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(appointRequest(values));
    } catch (error) {
      if (error instanceof ApiError) {
        setProblems(serverProblems(error));
        setFailure(error.message);
      } else setFailure(t('unexpectedError'));
    } finally {
      setBusy(false);
    }
  };

  return { values, set, toggle, busy, problems, failure, submit };
}

export type AppointFormState = ReturnType<typeof useAppointForm>;
